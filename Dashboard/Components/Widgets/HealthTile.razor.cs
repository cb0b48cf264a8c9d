using Dashboard.Options;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Components.Widgets;

/// <summary>
/// One host at a glance: the worst threshold level across its key metrics, the values behind
/// it and what is going wrong, if anything. Reads <c>metrics/*</c> (the stream every metric
/// widget shares) and keeps only its host's events.
/// </summary>
public sealed partial class HealthTile : LiveComponent
{
    private static readonly MetricSpec[] Metrics =
    [
        new("cpu", "CPU", "%", "F0"),
        new("memory", "Memory", "%", "F0"),
        new("latencyP99Ms", "p99", "ms", "F0"),
        new("errorRate", "Errors", "%", "F2"),
    ];

    private FeedMessage? _latest;
    private string? _incident;
    private ThresholdLevel _worst;

    /// <summary>The host to show, as in its topic <c>metrics/{Host}</c> (<c>self</c> is this server).</summary>
    [Parameter, EditorRequired]
    public string Host { get; set; } = "";

    protected override IReadOnlyList<string> Feeds { get; } = [DashboardFeeds.Metrics];

    private string Topic => "metrics/" + Host;

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        if (snapshot.Latest(Topic) is { } latest)
        {
            Apply(latest);
        }
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        // Only the newest event counts: a tile shows now, not the path there.
        for (var i = batch.Count - 1; i >= 0; i--)
        {
            if (batch[i].Topic == Topic)
            {
                Apply(batch[i]);
                return;
            }
        }
    }

    protected override void OnFeedReset(string feed)
    {
        _latest = null;
        _incident = null;
        _worst = ThresholdLevel.Unknown;
    }

    private void Apply(FeedMessage message)
    {
        _latest = message;
        _incident = HostHealth.Incident(message);
        _worst = HostHealth.WorstLevel(Settings.EffectiveThresholds, message);
    }

    private double? Value(string field) => _latest?.Number(field);

    private ThresholdLevel LevelOf(string field, double? value) => HostHealth.LevelOf(Settings.EffectiveThresholds, field, value);

    private static string Format(double? value, MetricSpec metric) =>
        value is { } v ? $"{v.ToString(metric.Format, System.Globalization.CultureInfo.InvariantCulture)} {metric.Unit}" : "—";

    internal static string LevelName(ThresholdLevel level) => level.ToString().ToLowerInvariant();

    internal static string LevelText(ThresholdLevel level) => level switch
    {
        ThresholdLevel.Ok => "OK",
        ThresholdLevel.Warning => "Warning",
        ThresholdLevel.Critical => "Critical",
        _ => "No data",
    };

    // Shape as well as colour, so the level reads without colour vision.
    private static string LevelIcon(ThresholdLevel level) => level switch
    {
        ThresholdLevel.Ok => Icons.Material.Filled.CheckCircle,
        ThresholdLevel.Warning => Icons.Material.Filled.Warning,
        ThresholdLevel.Critical => Icons.Material.Filled.Error,
        _ => Icons.Material.Filled.HourglassEmpty,
    };

    private sealed record MetricSpec(string Field, string Label, string Unit, string Format);
}
