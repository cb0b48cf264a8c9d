using System.Text.Json;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class AlertsProducerTests
{
    [Fact]
    public async Task ExecuteAsync_MetricsCrossARule_PublishesRaisedThenResolvedOnAlerts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));
        var options = new FeedsOptions { Alerts = { ForSamples = 1 } };
        using var feeds = HubFactory.Create(options, time);
        using var alerts = await feeds.Hub.SubscribeAsync(TopicFilter.Parse(AlertEvent.Topic));
        using var producer = new AlertsProducer(feeds.Hub, feeds.Catalog, SoleLeadership.Default, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<AlertsProducer>.Instance);
        await producer.StartAsync(CancellationToken.None);

        // The producer subscribes on its own thread: it listens once the hub counts it.
        await Integration.Poll.UntilAsync(() => Task.FromResult(feeds.Hub.SubscriberCount == 2), ChannelReaderExtensions.WaitLimit, "the producer subscribed");

        await feeds.Hub.PublishAsync("metrics/db-1", "metrics", new { host = "db-1", errorRate = 7.5 });
        var raised = await alerts.Reader.NextAsync();
        await feeds.Hub.PublishAsync("metrics/db-1", "metrics", new { host = "db-1", errorRate = 0.2 });
        var resolved = await NextResolvedAsync(alerts);
        await producer.StopAsync(CancellationToken.None);

        Assert.Equal((AlertEvent.Topic, AlertEvent.EventType), (raised.Topic, raised.Type));
        using var data = JsonDocument.Parse(raised.Data);
        var root = data.RootElement;
        Assert.Equal("raised", root.GetProperty("state").GetString());
        Assert.Equal("critical", root.GetProperty("severity").GetString());
        Assert.Equal("db-1", root.GetProperty("host").GetString());
        Assert.Equal("errorRate", root.GetProperty("metric").GetString());
        Assert.Equal(7.5, root.GetProperty("value").GetDouble());
        Assert.Equal(5, root.GetProperty("threshold").GetDouble());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("message").GetString()));
        Assert.Equal(root.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());
        Assert.Contains(feeds.Catalog.All(), topic => topic.Topic == AlertEvent.Topic);
    }

    private static async Task<JsonElement> NextResolvedAsync(FeedSubscription alerts)
    {
        while (true)
        {
            var next = await alerts.Reader.NextAsync();
            var data = JsonDocument.Parse(next.Data).RootElement;
            if (data.GetProperty("state").GetString() == AlertEvent.Resolved)
            {
                return data;
            }
        }
    }
}
