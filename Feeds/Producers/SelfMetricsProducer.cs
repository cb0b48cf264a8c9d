using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>Publishes this server's real <see cref="ProcessMetrics"/> on <c>metrics/self</c> each <c>Feeds:Metrics:IntervalMs</c>.</summary>
internal sealed class SelfMetricsProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IFeedLeadership leadership,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<SelfMetricsProducer> logger,
    HttpRequestCounter requests) : FeedProducer(catalog, leadership, time, logger)
{
    private readonly MetricsOptions _options = options.Value.Metrics;
    private readonly SelfMetricsSampler _sampler = new(hub, requests, new ProcFiles());

    protected override bool Enabled => _options.Enabled;

    protected override string EnabledKey => "Feeds:Metrics:Enabled";

    protected override int IntervalMs => _options.IntervalMs;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Said once at start rather than on every tick: without /proc the host numbers stay 0.
        if (Enabled && _sampler.Proc.ReadCpuTimes() is null)
        {
            ProducersLog.ProcUnavailable(Logger, Path.Combine(_sampler.Proc.Root, "stat"));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override IEnumerable<TopicInfo> Topics() =>
    [
        new(
            ProcessMetrics.Topic,
            ProcessMetrics.EventType,
            "This server's own process and machine, measured: CPU, memory, GC, thread pool, requests per second, open streams, host CPU and load.",
            PayloadFields.Of<ProcessMetrics>(),
            _options.IntervalMs),
    ];

    protected override async ValueTask TickAsync(CancellationToken cancellationToken) =>
        await hub.PublishAsync(ProcessMetrics.Topic, ProcessMetrics.EventType, _sampler.Sample(), cancellationToken).ConfigureAwait(false);
}
