using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>Publishes this server's real <see cref="ProcessMetrics"/> on <c>metrics/self</c> each <c>Feeds:Metrics:IntervalMs</c>.</summary>
internal sealed class SelfMetricsProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<SelfMetricsProducer> logger,
    HttpRequestCounter requests) : BackgroundService
{
    private readonly MetricsOptions _options = options.Value.Metrics;
    private readonly SelfMetricsSampler _sampler = new(hub, requests, new ProcFiles());

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            ProducersLog.Disabled(logger, nameof(SelfMetricsProducer), "Feeds:Metrics:Enabled");
            return Task.CompletedTask;
        }

        catalog.Declare(new TopicInfo(
            ProcessMetrics.Topic,
            ProcessMetrics.EventType,
            "This server's own process and machine, measured: CPU, memory, GC, thread pool, requests per second, open streams, host CPU and load.",
            PayloadFields.Of<ProcessMetrics>(),
            _options.IntervalMs));

        if (_sampler.Proc.ReadCpuTimes() is null)
        {
            ProducersLog.ProcUnavailable(logger, Path.Combine(_sampler.Proc.Root, "stat"));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ProducerLoop.RunAsync(
            nameof(SelfMetricsProducer),
            TimeSpan.FromMilliseconds(_options.IntervalMs),
            time,
            logger,
            async cancellationToken => await hub.PublishAsync(ProcessMetrics.Topic, ProcessMetrics.EventType, _sampler.Sample(), cancellationToken).ConfigureAwait(false),
            stoppingToken);
}
