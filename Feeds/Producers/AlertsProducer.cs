using System.Text.Json;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>
/// Raises and resolves alerts on the server, once for every viewer: reads every
/// <c>metrics/*</c> event from the hub, judges it by <c>Feeds:Alerts:Rules</c> and publishes the
/// changes as <see cref="AlertEvent"/>s on <c>alerts</c>. With several instances only the leader
/// judges, so each change is published once.
/// </summary>
internal sealed class AlertsProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IFeedLeadership leadership,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<AlertsProducer> logger) : BackgroundService
{
    private static readonly TopicFilter Metrics = TopicFilter.Parse(HostMetrics.TopicPrefix + "*");

    private readonly AlertsOptions _options = options.Value.Alerts;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            ProducersLog.Disabled(logger, nameof(AlertsProducer), "Feeds:Alerts:Enabled");
            return Task.CompletedTask;
        }

        catalog.Declare(new TopicInfo(
            AlertEvent.Topic,
            AlertEvent.EventType,
            "Alerts raised and resolved by the server when a metrics/* value crosses its Feeds:Alerts rule.",
            PayloadFields.Of<AlertEvent>(),
            0));
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunWhileLeadingAsync(JudgeAsync, stoppingToken);

    private async Task JudgeAsync(CancellationToken stoppingToken)
    {
        var evaluator = new AlertEvaluator(_options);
        long? lastId = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            // A subscription ends when its queue overflows; resume after the last event read.
            using var subscription = await hub.SubscribeAsync(Metrics, lastId, stoppingToken).ConfigureAwait(false);
            try
            {
                await foreach (var metrics in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
                {
                    lastId = metrics.Id;
                    foreach (var alert in evaluator.Evaluate(metrics.Topic[HostMetrics.TopicPrefix.Length..], Numbers(metrics.Data), time.GetUtcNow()))
                    {
                        AlertsLog.Changed(logger, alert.State, alert.Severity, alert.Host, alert.Metric, alert.Value);
                        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, alert, stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
            {
                AlertsLog.Failed(logger, exception);
            }
        }
    }

    private static Dictionary<string, double> Numbers(string json)
    {
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Number)
            {
                values[property.Name] = property.Value.GetDouble();
            }
        }

        return values;
    }
}
