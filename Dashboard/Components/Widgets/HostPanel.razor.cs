using Dashboard.Options;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// One host's current metrics coloured by threshold, its incident if any, and a few live charts.
/// <c>self</c> is this server's real process; other hosts are the simulated fleet.
/// </summary>
public sealed partial class HostPanel
{
    public const string Self = "self";

    private IReadOnlyList<ChartSpec> _charts = [];
    private FeedMessage? _latest;
    private string? _incident;
    private DateTimeOffset? _at;

    /// <summary>The host name, the last segment of its <c>metrics/{host}</c> topic.</summary>
    [Parameter, EditorRequired]
    public string Host { get; set; } = "";

    /// <summary>The charts' height in pixels.</summary>
    [Parameter]
    public int ChartHeight { get; set; } = 160;

    /// <summary>The charts' visible window in seconds; null follows the page's window.</summary>
    [Parameter]
    public int? WindowSeconds { get; set; }

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Metrics];

    private string Topic => HostMetrics.TopicPrefix + Host;

    private bool IsSelf => string.Equals(Host, Self, StringComparison.Ordinal);

    private string Title => IsSelf ? "This server (self)" : Host;

    private string HeadingId => "host-" + Host;

    // An incident is news even before its metrics cross a threshold.
    private ThresholdLevel WorstLevel
    {
        get
        {
            var worst = HostHealth.WorstLevel(Settings.EffectiveThresholds, _latest);
            return _incident is not null && worst < ThresholdLevel.Warning ? ThresholdLevel.Warning : worst;
        }
    }

    protected override void OnParametersSet()
    {
        var thresholds = Settings.EffectiveThresholds;
        var cpu = thresholds.GetValueOrDefault("cpu");
        _charts = IsSelf
            ?
            [
                new("CPU", "%", [new(Topic, "cpu", "Process"), new(Topic, "hostCpu", "Host")], 0, 100, cpu),
                new("Thread pool", null, [new(Topic, "threadPoolThreads", "Threads"), new(Topic, "threadPoolQueue", "Queue")], 0, null, null),
                new("Traffic", null, [new(Topic, "requestsPerSecond", "Requests/s"), new(Topic, "activeStreams", "Streams")], 0, null, null),
            ]
            :
            [
                new("CPU and memory", "%", [new(Topic, "cpu", "CPU", Threshold: cpu), new(Topic, "memory", "Memory", Threshold: thresholds.GetValueOrDefault("memory"))], 0, 100, null),
                new("Latency", "ms", [new(Topic, "latencyP50Ms", "p50"), new(Topic, "latencyP99Ms", "p99")], 0, null, thresholds.GetValueOrDefault("latencyP99Ms")),
            ];
    }

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        if (snapshot.Latest(Topic) is { } latest)
        {
            Apply(latest);
        }
    }

    // The metrics feed carries every host; only this host's events are worth a render.
    protected override Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        var mine = batch.LastOrDefault(m => string.Equals(m.Topic, Topic, StringComparison.Ordinal));
        if (mine is not null)
        {
            Apply(mine);
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    protected override void OnFeedReset(string feed)
    {
        _latest = null;
        _incident = null;
        _at = null;
        StateHasChanged();
    }

    private void Apply(FeedMessage message)
    {
        _latest = message;
        _at = DateTimeOffset.FromUnixTimeMilliseconds(message.Ts);
        _incident = HostHealth.Incident(message);
    }

    private double? Value(string field) => _latest?.Number(field);

    private double? Megabytes(string field) => Value(field) / (1024 * 1024);

    private Threshold? ThresholdOf(string metric) => Settings.EffectiveThresholds.GetValueOrDefault(metric);

    /// <summary>One of the panel's charts.</summary>
    private sealed record ChartSpec(string Title, string? Unit, IReadOnlyList<ChartSeries> Series, double? YMin, double? YMax, Threshold? Threshold);
}
