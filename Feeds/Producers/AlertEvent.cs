namespace Feeds.Producers;

/// <summary>
/// Data of an <c>alerts</c> event (type <c>alert</c>). A condition keeps one <see cref="Id"/> from
/// raised to resolved; a change of severity in between is published again as raised.
/// Anything that publishes on <c>alerts</c> should use this shape.
/// </summary>
/// <param name="Id">Names the alert, e.g. <c>web-1:cpu:1732262400000</c>.</param>
/// <param name="Severity"><c>warning</c> or <c>critical</c>; on resolved, the last severity it had.</param>
/// <param name="Host">The host, the last segment of its <c>metrics/{host}</c> topic.</param>
/// <param name="Metric">The metric field, e.g. <c>cpu</c>.</param>
/// <param name="Value">The value that raised or resolved it.</param>
/// <param name="Threshold">The level crossed.</param>
/// <param name="State"><c>raised</c> or <c>resolved</c>.</param>
/// <param name="Message">One sentence for people.</param>
public sealed record AlertEvent(string Id, string Severity, string Host, string Metric, double Value, double Threshold, string State, string Message)
{
    public const string Topic = "alerts";
    public const string EventType = "alert";
    public const string Raised = "raised";
    public const string Resolved = "resolved";
    public const string Warning = "warning";
    public const string Critical = "critical";
}
