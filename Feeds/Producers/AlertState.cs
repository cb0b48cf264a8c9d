namespace Feeds.Producers;

/// <summary>
/// Data of an <c>alerts/active</c> event (type <c>state</c>): every alert active after the
/// <c>alerts</c> event <see cref="LastAlertId"/>, published whenever that set changes. The newest
/// event is the answer to "which alerts are active now"; history keeps a topic's newest events
/// by count, never by age, so it is there however long ago the last change was.
/// </summary>
/// <param name="LastAlertId">The id of the last <c>alerts</c> event this set includes; 0 for none.</param>
/// <param name="Active">The active alerts, oldest first.</param>
public sealed record AlertState(long LastAlertId, IReadOnlyList<ActiveAlert> Active)
{
    public const string Topic = "alerts/active";
    public const string EventType = "state";
}
