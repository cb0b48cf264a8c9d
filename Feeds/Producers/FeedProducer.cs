using Feeds.Hub;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Feeds.Producers;

/// <summary>
/// What every producer shares: nothing at all when its <c>Enabled</c> key is off; otherwise its
/// topics declared in the catalog before it starts (so <c>/feeds/topics</c> is complete once the
/// host has started), then one tick per interval on the injected clock.
/// </summary>
internal abstract class FeedProducer(TopicCatalog catalog, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    protected abstract bool Enabled { get; }

    /// <summary>The configuration key that turns this producer off, for the log.</summary>
    protected abstract string EnabledKey { get; }

    protected abstract int IntervalMs { get; }

    /// <summary>The topics this producer publishes on.</summary>
    protected abstract IEnumerable<TopicInfo> Topics();

    /// <summary>Publishes one round.</summary>
    protected abstract ValueTask TickAsync(CancellationToken cancellationToken);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            ProducersLog.Disabled(logger, GetType().Name, EnabledKey);
            return Task.CompletedTask;
        }

        foreach (var topic in Topics())
        {
            catalog.Declare(topic);
        }

        return base.StartAsync(cancellationToken);
    }

    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ProducerLoop.RunAsync(GetType().Name, TimeSpan.FromMilliseconds(IntervalMs), time, logger, TickAsync, stoppingToken);
}
