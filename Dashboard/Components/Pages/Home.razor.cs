using Dashboard.Components.Widgets;
using Dashboard.Options;
using Dashboard.Relay;
using Feeds.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Components.Pages;

/// <summary>The overview: the state of everything at a glance, for a second screen or a wall.</summary>
public sealed partial class Home : ComponentBase
{
    private const string MetricsPrefix = "metrics/";
    private const string TickerPrefix = "ticker/";

    // Built once: LiveChart redraws from scratch when handed a different list.
    private IReadOnlyList<ChartSeries> _cpuSeries = [];
    private IReadOnlyList<ChartSeries> _latencySeries = [];
    private IReadOnlyList<ChartSeries> _priceSeries = [];
    private string _symbol = "";

    [Inject]
    private FeedRelay Relay { get; set; } = default!;

    [Inject]
    private IOptions<DashboardOptions> Options { get; set; } = default!;

    [Inject]
    private IOptions<FeedsOptions> FeedsOptions { get; set; } = default!;

    protected override void OnInitialized()
    {
        // The charts name their series up front: take the hosts and symbols the relay has seen,
        // and, when the feeds run in this process, the configured ones (a fresh server may not
        // have sent them yet). A remote feeds server's configuration is not ours to guess.
        var hostsFeeds = Options.Value.FeedsUrl.Length == 0;
        var hosts = TopicsUnder(DashboardFeeds.Metrics, MetricsPrefix)
            .Concat(hostsFeeds ? FeedsOptions.Value.Metrics.EffectiveHosts : [])
            .Where(host => host != "self")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        var symbols = hostsFeeds ? FeedsOptions.Value.Ticker.EffectiveSymbols : TopicsUnder(DashboardFeeds.Ticker, TickerPrefix);
        _symbol = symbols.FirstOrDefault() ?? "";

        // This server's own CPU is real and comparable; it has no request latency to chart.
        _cpuSeries = hosts.Append("self").Select(host => new ChartSeries(MetricsPrefix + host, "cpu", host)).ToArray();
        _latencySeries = hosts.Select(host => new ChartSeries(MetricsPrefix + host, "latencyP99Ms", host)).ToArray();
        _priceSeries = _symbol.Length > 0 ? [new ChartSeries(TickerPrefix + _symbol, "last", _symbol)] : [];
    }

    private Threshold? ThresholdOf(string field) =>
        Options.Value.EffectiveThresholds.TryGetValue(field, out var threshold) ? threshold : null;

    private IReadOnlyList<string> TopicsUnder(string feed, string prefix) =>
        Relay.Feed(feed).Snapshot().Topics
            .Where(topic => topic.StartsWith(prefix, StringComparison.Ordinal))
            .Select(topic => topic[prefix.Length..])
            .ToArray();
}
