using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>
/// Keeps <c>alerts/active</c> true: folds every well-formed <c>alerts</c> event, whoever posted
/// it, into the set of active alerts and publishes that set as an <see cref="AlertState"/> each
/// time it changes. A page then reads the state from one event instead of replaying raised and
/// resolved events, any of which a window may have thinned or aged out. With several instances
/// only the leader publishes; a new leader starts from the newest state and the alerts after it.
/// </summary>
internal sealed class AlertStateProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IFeedLeadership leadership,
    IOptions<FeedsOptions> options,
    ILogger<AlertStateProducer> logger) : BackgroundService
{
    private static readonly TopicFilter Alerts = TopicFilter.Parse(AlertEvent.Topic, AlertState.Topic);

    // Declared even with Feeds:Alerts:Enabled off, so the pages' stream on it is not refused as
    // unknown (the relay would mark the feed offline); it then stays empty.
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Declare(new TopicInfo(
            AlertState.Topic,
            AlertState.EventType,
            "The alerts active now, published whenever the set changes: the newest event is the whole answer.",
            PayloadFields.Of<AlertState>(),
            0));
        if (!options.Value.Alerts.Enabled)
        {
            ProducersLog.Disabled(logger, nameof(AlertStateProducer), "Feeds:Alerts:Enabled");
            return Task.CompletedTask;
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunWhileLeadingAsync(FoldAsync, stoppingToken);

    private async Task FoldAsync(CancellationToken stoppingToken)
    {
        var active = new AlertSet();
        var seeded = false;
        var lastId = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            // From 0 the first time: the history has the newest state and every alert after it.
            // After a queue overflow, on from the last event read.
            using var subscription = await hub.SubscribeAsync(Alerts, lastId, stoppingToken).ConfigureAwait(false);
            try
            {
                if (!seeded)
                {
                    var replay = subscription.Replay?.Events ?? [];
                    if (Seed(active, replay) != active.LastAlertId)
                    {
                        await PublishAsync(active, stoppingToken).ConfigureAwait(false);
                    }

                    // The reader replays the same events: they are in the set already.
                    lastId = replay.Count > 0 ? replay[^1].Id : 0;
                    seeded = true;
                }

                await foreach (var feedEvent in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                {
                    if (feedEvent.Id <= lastId)
                    {
                        continue;
                    }

                    lastId = feedEvent.Id;
                    if (feedEvent.Topic == AlertEvent.Topic && active.Apply(feedEvent))
                    {
                        await PublishAsync(active, stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="active"/> from the newest state in <paramref name="history"/> and the
    /// alerts after it. Returns the <see cref="AlertState.LastAlertId"/> of that newest state
    /// (-1 when there is none), so the caller publishes only what the state does not already say.
    /// </summary>
    private static long Seed(AlertSet active, IReadOnlyList<FeedEvent> history)
    {
        var newest = history.LastOrDefault(e => e.Topic == AlertState.Topic && e.Type == AlertState.EventType);
        var published = newest is not null && active.Restore(newest) ? active.LastAlertId : -1;
        foreach (var feedEvent in history)
        {
            if (feedEvent.Topic == AlertEvent.Topic && feedEvent.Id > active.LastAlertId)
            {
                active.Apply(feedEvent);
            }
        }

        return published;
    }

    private async Task PublishAsync(AlertSet active, CancellationToken stoppingToken)
    {
        var state = active.ToState();
        AlertsLog.StateChanged(logger, state.Active.Count, state.LastAlertId);
        await hub.PublishAsync(AlertState.Topic, AlertState.EventType, state, stoppingToken).ConfigureAwait(false);
    }
}
