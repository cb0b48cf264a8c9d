namespace Feeds.Client;

/// <summary>
/// Data of a <c>reset</c> event: the server no longer holds every event after the id a client
/// resumed from, so some were missed. The stream goes on with the oldest events it still has;
/// a consumer that keeps state (a chart window, a table) should drop it and rebuild.
/// On the wire the data also carries <c>topic</c> (empty: the reset is about the whole
/// subscription) and <c>ts</c>; the event has no id, so it does not move <c>Last-Event-ID</c>.
/// </summary>
/// <param name="AfterId">The id the client asked to resume after.</param>
/// <param name="OldestAvailableId">The id a client could have resumed after and missed nothing.</param>
public sealed record FeedReset(long AfterId, long OldestAvailableId)
{
    public const string EventType = "reset";
}
