namespace Feeds.Client;

/// <summary>
/// Data of an <c>end</c> event: the server ended the stream on purpose (the request's
/// <c>maxEvents</c> was reached) and the client should close rather than reconnect; a browser
/// does that with <c>source.addEventListener("end", () => source.close())</c>. Like
/// <see cref="FeedReset"/> it carries <c>topic</c> (empty) and <c>ts</c>, and has no id.
/// </summary>
/// <param name="Reason">Why the stream ended: <c>maxEvents</c>.</param>
/// <param name="Sent">Events the stream delivered.</param>
public sealed record FeedEnd(string Reason, long Sent)
{
    public const string EventType = "end";

    public const string MaxEventsReason = "maxEvents";
}
