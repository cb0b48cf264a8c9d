using Feeds.Backplane;
using Feeds.Hub;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Feeds.Producers;

/// <summary>
/// What every producer shares: nothing at all when its <c>Enabled</c> key is off; otherwise its
/// topics declared in the catalog before it starts (so <c>/feeds/topics</c> is complete once the
/// host has started), then, while this instance leads, one tick per interval on the injected clock.
/// </summary>
internal abstract class FeedProducer(TopicCatalog catalog, IFeedLeadership leadership, TimeProvider time, ILogger logger) : BackgroundService
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

    // Every instance declares the topics, so each can answer for them; only the leader publishes.
    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunWhileLeadingAsync(
            term => ProducerLoop.RunAsync(GetType().Name, TimeSpan.FromMilliseconds(IntervalMs), time, logger, TickAsync, term),
            stoppingToken);
}
