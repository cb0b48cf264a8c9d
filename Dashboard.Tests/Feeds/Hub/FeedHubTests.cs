using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Feeds.Hub;

[Trait("Tier", "Unit")]
public sealed class FeedHubTests
{
    [Fact]
    public async Task PublishAsync_SeveralTopics_IdsStrictlyIncrease()
    {
        using var feeds = HubFactory.Create();
        var ids = new List<long>();

        foreach (var topic in new[] { "a", "b/1", "a", "c", "b/2", "a" })
        {
            ids.Add((await feeds.Hub.PublishAsync(topic, "t", new { n = 1 })).Id);
        }

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task PublishAsync_Object_DataCarriesTopicTsAndFields()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 3, 2, 1, TimeSpan.Zero));
        using var feeds = HubFactory.Create(time: time);

        var published = await feeds.Hub.PublishAsync("ticker/ACME", "quote", new { last = 12.5m, symbol = "ACME", topic = "spoofed", ts = 1 });

        using var data = JsonDocument.Parse(published.Data);
        var root = data.RootElement;
        Assert.Equal("ticker/ACME", root.GetProperty("topic").GetString());
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), root.GetProperty("ts").GetInt64());
        Assert.Equal(12.5m, root.GetProperty("last").GetDecimal());
        Assert.Equal("ACME", root.GetProperty("symbol").GetString());
        Assert.Equal(4, root.EnumerateObject().Count());
        Assert.Equal(time.GetUtcNow(), published.Timestamp);
        Assert.Equal("quote", published.Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ticker/*")]
    [InlineData("a//b")]
    [InlineData("with space")]
    public async Task PublishAsync_InvalidTopic_Throws(string topic)
    {
        using var feeds = HubFactory.Create();

        await Assert.ThrowsAsync<ArgumentException>(async () => await feeds.Hub.PublishAsync(topic, "t", new { }));
    }

    [Fact]
    public async Task PublishAsync_DataNotAnObject_Throws()
    {
        using var feeds = HubFactory.Create();

        await Assert.ThrowsAsync<ArgumentException>(async () => await feeds.Hub.PublishAsync("a", "t", 42));
    }

    [Fact]
    public async Task ReadHistoryAsync_MoreThanPerTopic_KeepsNewestOfEachTopicAndSaysIncomplete()
    {
        using var feeds = HubFactory.Create(new FeedsOptions { History = { PerTopic = 3 } });
        var a = new List<long>();
        var b = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            a.Add((await feeds.Hub.PublishAsync("a", "t", new { i })).Id);
            if (i < 2)
            {
                b.Add((await feeds.Hub.PublishAsync("b", "t", new { i })).Id);
            }
        }

        var history = await feeds.Hub.ReadHistoryAsync(TopicFilter.Parse("a", "b"), 0);

        Assert.Equal(a.Skip(2).Concat(b).Order(), history.Events.Select(e => e.Id));
        Assert.False(history.Complete);
        Assert.Equal(a[1], history.OldestAvailableId);
    }

    [Fact]
    public async Task ReadHistoryAsync_AfterOldestAvailableId_Complete()
    {
        using var feeds = HubFactory.Create(new FeedsOptions { History = { PerTopic = 2 } });
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await feeds.Hub.PublishAsync("a", "t", new { i })).Id);
        }

        var trimmed = await feeds.Hub.ReadHistoryAsync(TopicFilter.Parse("a"), 0);
        var resumed = await feeds.Hub.ReadHistoryAsync(TopicFilter.Parse("a"), trimmed.OldestAvailableId);

        Assert.Equal(ids[2], trimmed.OldestAvailableId);
        Assert.True(resumed.Complete);
        Assert.Equal(ids[3..], resumed.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadHistoryAsync_OnlyAnotherTopicTrimmed_Complete()
    {
        using var feeds = HubFactory.Create(new FeedsOptions { History = { PerTopic = 2 } });
        var quiet = (await feeds.Hub.PublishAsync("quiet", "t", new { })).Id;
        for (var i = 0; i < 5; i++)
        {
            await feeds.Hub.PublishAsync("busy", "t", new { i });
        }

        var history = await feeds.Hub.ReadHistoryAsync(TopicFilter.Parse("quiet"), 0);

        Assert.True(history.Complete);
        Assert.Equal(0, history.OldestAvailableId);
        Assert.Equal([quiet], history.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task SubscribeAsync_SeveralTopics_GetsExactlyThose()
    {
        using var feeds = HubFactory.Create();
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("clock", "metrics/web-1"));

        var expected = new List<long>();
        foreach (var topic in new[] { "clock", "metrics/web-2", "metrics/web-1", "metrics", "clock/extra", "clock" })
        {
            var published = await feeds.Hub.PublishAsync(topic, "t", new { });
            if (topic is "clock" or "metrics/web-1")
            {
                expected.Add(published.Id);
            }
        }

        var received = await subscription.Reader.NextAsync(expected.Count);

        Assert.Equal(expected, received.Select(e => e.Id));
        Assert.Empty(subscription.Reader.Drain());
        Assert.Null(subscription.Replay);
    }

    [Fact]
    public async Task SubscribeAsync_Prefix_GetsExactlyTheTopicsUnderIt()
    {
        using var feeds = HubFactory.Create();
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("ticker/*"));

        var expected = new List<long>();
        foreach (var topic in new[] { "ticker/ACME", "ticker", "tickers/ACME", "ticker/GLOBX", "clock", "ticker/a/b", "Ticker/ACME" })
        {
            var published = await feeds.Hub.PublishAsync(topic, "t", new { });
            if (topic.StartsWith("ticker/", StringComparison.Ordinal))
            {
                expected.Add(published.Id);
            }
        }

        var received = await subscription.Reader.NextAsync(expected.Count);

        Assert.Equal(expected, received.Select(e => e.Id));
        Assert.Empty(subscription.Reader.Drain());
    }

    [Fact]
    public async Task SubscribeAsync_WithoutAfterId_StartsLive()
    {
        using var feeds = HubFactory.Create();
        await feeds.Hub.PublishAsync("a", "t", new { });
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("a"));

        var live = await feeds.Hub.PublishAsync("a", "t", new { });

        Assert.Equal(live.Id, (await subscription.Reader.NextAsync()).Id);
        Assert.Empty(subscription.Reader.Drain());
    }

    [Fact]
    public async Task SubscribeAsync_AfterId_ReplaysThenContinuesLive()
    {
        using var feeds = HubFactory.Create();
        var before = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            before.Add((await feeds.Hub.PublishAsync(i % 2 == 0 ? "a" : "b", "t", new { i })).Id);
        }

        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("a", "b"), afterId: before[1]);
        var live = await feeds.Hub.PublishAsync("a", "t", new { });

        var received = await subscription.Reader.NextAsync(3);

        Assert.Equal([before[2], before[3], live.Id], received.Select(e => e.Id));
        Assert.True(subscription.Replay!.Complete);
    }

    [Fact]
    public async Task SubscribeAsync_AfterTrimmedId_ReplaySaysIncomplete()
    {
        using var feeds = HubFactory.Create(new FeedsOptions { History = { PerTopic = 2 } });
        var first = await feeds.Hub.PublishAsync("a", "t", new { });
        for (var i = 0; i < 4; i++)
        {
            await feeds.Hub.PublishAsync("a", "t", new { i });
        }

        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("a"), afterId: first.Id);

        Assert.False(subscription.Replay!.Complete);
        Assert.Equal(2, subscription.Replay.Events.Count);
        Assert.Equal(subscription.Replay.Events[0].Id - 1, subscription.Replay.OldestAvailableId);
    }

    [Fact]
    public async Task Deliver_SubscriberNeverReads_EndedWithOverflowWhileOthersCarryOn()
    {
        using var feeds = HubFactory.Create(new FeedsOptions { Sse = { QueueCapacity = 4 } });
        using var slow = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("a"));
        using var fast = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("a"));

        var published = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            published.Add((await feeds.Hub.PublishAsync("a", "t", new { i })).Id);
            Assert.Equal(published[^1], (await fast.Reader.NextAsync()).Id);
        }

        Assert.Equal(SubscriptionEndReason.Overflow, slow.EndReason);
        Assert.Null(fast.EndReason);
        Assert.Equal(1, feeds.Stats.Dropped);
        Assert.Equal(10, feeds.Stats.Published);
        Assert.Equal(1, feeds.Hub.SubscriberCount);

        // The slow consumer still gets what was queued, then the end, and resumes from its last id.
        var queued = new List<long>();
        using var limit = new CancellationTokenSource(ChannelReaderExtensions.WaitLimit);
        await foreach (var e in slow.Reader.ReadAllAsync(limit.Token))
        {
            queued.Add(e.Id);
        }

        Assert.Equal(published[..4], queued);
    }

    [Fact]
    public async Task Dispose_Subscription_RemovesItAndEndsItsReader()
    {
        using var feeds = HubFactory.Create();
        var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("a"));
        var other = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("b/*"), afterId: 0);
        Assert.Equal(2, feeds.Hub.SubscriberCount);

        subscription.Dispose();
        other.Dispose();
        other.Dispose();
        await feeds.Hub.PublishAsync("a", "t", new { });

        Assert.Equal(0, feeds.Hub.SubscriberCount);
        Assert.Equal(SubscriptionEndReason.Disposed, subscription.EndReason);
        await subscription.Reader.Completion.WaitAsync(ChannelReaderExtensions.WaitLimit);
        Assert.Equal(0, feeds.Stats.Dropped);
    }

    [Fact]
    public async Task Dispose_Hub_EndsSubscribersWithShutdown()
    {
        var feeds = HubFactory.Create();
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("a"));

        feeds.Dispose();

        Assert.Equal(SubscriptionEndReason.Shutdown, subscription.EndReason);
        Assert.Equal(0, feeds.Hub.SubscriberCount);
        await subscription.Reader.Completion.WaitAsync(ChannelReaderExtensions.WaitLimit);
    }
}
