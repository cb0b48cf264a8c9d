namespace Feeds.Hub;

/// <summary>One published event, as every transport sends it.</summary>
/// <param name="Id">Position in the one sequence shared by all topics; later events have larger ids.</param>
/// <param name="Topic">The topic it was published on, e.g. <c>ticker/ACME</c>.</param>
/// <param name="Type">The event type, sent as the SSE <c>event:</c> field.</param>
/// <param name="Data">JSON object text; it always carries <c>topic</c> and <c>ts</c> (Unix ms at publish).</param>
/// <param name="Timestamp">When it was published.</param>
public sealed record FeedEvent(long Id, string Topic, string Type, string Data, DateTimeOffset Timestamp);
