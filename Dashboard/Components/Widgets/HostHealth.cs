using System.Text.Json;
using Dashboard.Options;
using Feeds.Client;

namespace Dashboard.Components.Widgets;

/// <summary>How a host's latest <c>metrics/{host}</c> event reads: its worst threshold level and its incident.</summary>
internal static class HostHealth
{
    /// <summary>The fields a host is judged on; a field an event lacks (self has no latency) counts as no data.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["cpu", "memory", "latencyP99Ms", "errorRate"];

    public static ThresholdLevel LevelOf(IReadOnlyDictionary<string, Threshold> thresholds, string field, double? value) =>
        thresholds.TryGetValue(field, out var threshold) ? threshold.LevelOf(value) : ThresholdLevel.Unknown;

    /// <summary>The worst level across <see cref="Fields"/>; Unknown without an event.</summary>
    public static ThresholdLevel WorstLevel(IReadOnlyDictionary<string, Threshold> thresholds, FeedMessage? message) =>
        message is null
            ? ThresholdLevel.Unknown
            : Fields.Select(field => LevelOf(thresholds, field, message.Number(field))).Max();

    /// <summary>What is going wrong on the host, or null.</summary>
    public static string? Incident(FeedMessage message) =>
        message.Data.ValueKind == JsonValueKind.Object
        && message.Data.TryGetProperty("incident", out var incident)
        && incident.ValueKind == JsonValueKind.String
            ? incident.GetString()
            : null;
}
