namespace Feeds.Transports;

/// <summary>One line of the <see cref="StreamLog"/>.</summary>
/// <param name="Stream">The stream's number on this instance, shared by its opened and ended lines.</param>
/// <param name="Event"><c>opened</c> or <c>ended</c>.</param>
/// <param name="Transport"><c>sse</c>, <c>ws</c> or <c>poll</c>.</param>
/// <param name="Topics">The topics it named.</param>
/// <param name="Client">The client's address.</param>
/// <param name="Sent">Events sent, on <c>ended</c>.</param>
/// <param name="Detail">How it opened (live, or resuming after an id), or why it ended.</param>
/// <param name="At">When.</param>
public sealed record StreamLogEntry(long Stream, string Event, string Transport, string Topics, string Client, long Sent, string Detail, DateTimeOffset At);
