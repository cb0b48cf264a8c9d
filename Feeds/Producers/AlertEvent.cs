using System.Text.Json;
using Feeds.Hub;

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
/// <param name="Name">The metric as people call it, e.g. <c>Latency p99</c>; null from publishers that do not say.</param>
/// <param name="Unit">The unit of <see cref="Value"/> and <see cref="Threshold"/>, e.g. <c>ms</c>; null or empty for none.</param>
public sealed record AlertEvent(string Id, string Severity, string Host, string Metric, double Value, double Threshold, string State, string Message, string? Name = null, string? Unit = null)
{
    public const string Topic = "alerts";
    public const string EventType = "alert";
    public const string Raised = "raised";
    public const string Resolved = "resolved";
    public const string Warning = "warning";
    public const string Critical = "critical";

    /// <summary>
    /// Reads an alert of the documented shape. Anyone with a key may post on <c>alerts</c>, and the
    /// demos post test alerts there: an odd post is not an alert, and must not break its readers.
    /// </summary>
    public static bool TryRead(JsonElement data, out AlertEvent alert)
    {
        alert = default!;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        try
        {
            alert = data.Deserialize<AlertEvent>(FeedJson.Options)!;
        }
        catch (JsonException)
        {
            return false;
        }

        return alert is not null
            && !string.IsNullOrEmpty(alert.Id)
            && alert.Severity is Warning or Critical
            && alert.State is Raised or Resolved
            && alert.Host is not null
            && alert.Metric is not null
            && alert.Message is not null;
    }
}
