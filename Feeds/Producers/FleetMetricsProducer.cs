using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>Publishes simulated <see cref="HostMetrics"/> on <c>metrics/{host}</c> for every fleet host each <c>Feeds:Metrics:IntervalMs</c>.</summary>
internal sealed class FleetMetricsProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IFeedLeadership leadership,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<FleetMetricsProducer> logger) : FeedProducer(catalog, leadership, time, logger)
{
    private readonly MetricsOptions _options = options.Value.Metrics;

    private readonly FleetSimulation _fleet = new(
        options.Value.Metrics.EffectiveHosts,
        options.Value.Metrics.IncidentsPerHour,
        options.Value.Metrics.Seed is { } seed ? new Random(seed) : new Random(),
        logger);

    protected override bool Enabled => _options.Enabled;

    protected override string EnabledKey => "Feeds:Metrics:Enabled";

    protected override int IntervalMs => _options.IntervalMs;

    protected override IEnumerable<TopicInfo> Topics()
    {
        var fields = PayloadFields.Of<HostMetrics>();
        return _fleet.Hosts.Select(host => new TopicInfo(
            HostMetrics.TopicPrefix + host.Host,
            HostMetrics.EventType,
            $"Simulated {host.Profile.Role} host {host.Host}: CPU, memory, requests per second, latency p50 and p99, error rate and any incident.",
            fields,
            _options.IntervalMs));
    }

    protected override async ValueTask TickAsync(CancellationToken cancellationToken)
    {
        // The day curve follows the clock the TimeProvider gives, so tests (and demos) can jump to any hour.
        foreach (var metrics in _fleet.Next(Time.GetLocalNow(), _options.IntervalMs / 1000.0))
        {
            await hub.PublishAsync(HostMetrics.TopicPrefix + metrics.Host, HostMetrics.EventType, metrics, cancellationToken).ConfigureAwait(false);
        }
    }
}
