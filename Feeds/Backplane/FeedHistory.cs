using Feeds.Hub;

namespace Feeds.Backplane;

/// <summary>The result of a history read.</summary>
/// <param name="Events">The kept events after the requested id, oldest first.</param>
/// <param name="Complete">False when history was trimmed past the requested id, so events are missing before the first one here.</param>
/// <param name="OldestAvailableId">The id a client can resume after and miss nothing: the newest trimmed id on these topics, or 0; for an id from before a restart of the in-memory backplane, at least the last id before this run.</param>
public sealed record FeedHistory(IReadOnlyList<FeedEvent> Events, bool Complete, long OldestAvailableId);
