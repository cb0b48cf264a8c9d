using System.Text.Json;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class AlertStateProducerTests
{
    [Fact]
    public async Task ExecuteAsync_RaisedAndResolved_PublishesEachNewActiveSet()
    {
        // Arrange
        var options = new FeedsOptions();
        using var feeds = HubFactory.Create(options, TimeProvider.System);
        using var states = await feeds.Hub.SubscribeAsync(TopicFilter.Parse(AlertState.Topic));
        using var producer = Start(feeds, options);
        Assert.Empty((await NextStateAsync(states)).Active);

        // Act
        var raised = await feeds.Hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, Alert("web-2", AlertEvent.Raised, 516));
        var afterRaise = await NextStateAsync(states);
        await feeds.Hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, new { severity = "info", message = "a demo's test alert" });
        await feeds.Hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, Alert("web-2", AlertEvent.Resolved, 120));
        var afterResolve = await NextStateAsync(states);
        await producer.StopAsync(CancellationToken.None);

        // Assert
        var active = Assert.Single(afterRaise.Active);
        Assert.Equal(("web-2:latencyP99Ms:1", 516d, raised.Timestamp.ToUnixTimeMilliseconds()), (active.Alert.Id, active.RaisedValue, active.Since));
        Assert.Equal(raised.Id, afterRaise.LastAlertId);
        Assert.Empty(afterResolve.Active);
        Assert.Contains(feeds.Catalog.All(), topic => topic.Topic == AlertState.Topic);
    }

    [Fact]
    public async Task ExecuteAsync_NewLeaderAfterChanges_StartsFromTheNewestStateAndTheAlertsAfterIt()
    {
        // Arrange: a first leader published a state; an alert came after it, then the leader went away.
        var options = new FeedsOptions();
        using var feeds = HubFactory.Create(options, TimeProvider.System);
        using (var first = Start(feeds, options))
        {
            using var initial = await feeds.Hub.SubscribeAsync(TopicFilter.Parse(AlertState.Topic));
            await feeds.Hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, Alert("db-1", AlertEvent.Raised, 81));
            while ((await NextStateAsync(initial)).Active.Count == 0)
            {
            }

            await first.StopAsync(CancellationToken.None);
        }

        await feeds.Hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, Alert("web-1", AlertEvent.Raised, 600));
        using var states = await feeds.Hub.SubscribeAsync(TopicFilter.Parse(AlertState.Topic));

        // Act
        using var second = Start(feeds, options);
        var state = await NextStateAsync(states);
        await second.StopAsync(CancellationToken.None);

        // Assert: both, db-1 still from its first raise.
        Assert.Equal(["db-1:latencyP99Ms:1", "web-1:latencyP99Ms:1"], state.Active.Select(a => a.Alert.Id).Order(StringComparer.Ordinal));
    }

    private static AlertStateProducer Start(TestHub feeds, FeedsOptions options)
    {
        var producer = new AlertStateProducer(feeds.Hub, feeds.Catalog, SoleLeadership.Default, Microsoft.Extensions.Options.Options.Create(options), NullLogger<AlertStateProducer>.Instance);
        producer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return producer;
    }

    private static AlertEvent Alert(string host, string state, double value) =>
        new($"{host}:latencyP99Ms:1", AlertEvent.Warning, host, "latencyP99Ms", value, 300, state, $"{host} Latency p99 is {value} ms.", "Latency p99", "ms");

    private static async Task<AlertState> NextStateAsync(FeedSubscription states)
    {
        var next = await states.Reader.NextAsync();
        return JsonSerializer.Deserialize<AlertState>(next.Data, FeedJson.Options)!;
    }
}
