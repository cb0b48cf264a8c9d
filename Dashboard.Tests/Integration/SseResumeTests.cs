using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Hub;

namespace Dashboard.Tests.Integration;

[Trait("Tier", "Server")]
public sealed class SseResumeTests
{
    [Fact]
    public async Task Sse_LastEventIdHeader_GetsEventsAfterItThenLiveWithoutDuplicates()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var published = await PublishAsync(server, "test/a", 10);

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("test/a"), lastEventId: published[3].Id.ToString());
        var replayed = await stream.TakeAsync(6);
        var live = await server.PublishAsync("test/a");
        var next = await stream.NextAsync();

        Assert.Equal(published.Skip(4).Append(live).Select(e => e.Id.ToString()), replayed.Append(next).Select(i => i.EventId));
    }

    [Fact]
    public async Task Sse_LastEventIdFromBeforeARestart_GetsResetFirst()
    {
        // An id this process never gave out, far below its first, came from a predecessor or another server.
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var published = await PublishAsync(server, "test/a", 3);

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("test/a"), lastEventId: "5000");
        var items = await stream.TakeAsync(4);

        Assert.Equal("reset", items[0].EventType);
        Assert.Equal(published.Select(e => e.Id.ToString()), items.Skip(1).Select(i => i.EventId));
    }

    [Fact]
    public async Task Sse_LastEventIdFromTheRunBeforeARestart_GetsResetEvenBelowThisRunsLastId()
    {
        // The first run gives out fewer ids than the second, as in a restart that is soon busier than before.
        await using var server = await FeedsServer.StartAsync();
        var firstRun = await PublishAsync(server, "test/a", 2);
        await server.RestartAsync();
        var secondRun = await PublishAsync(server, "test/a", 3);
        using var client = server.CreateClient();

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("test/a"), lastEventId: firstRun[0].Id.ToString());
        var first = await stream.NextAsync();
        var then = await stream.TakeAsync(3);

        Assert.Equal("reset", first.EventType);
        Assert.Equal(secondRun.Select(e => e.Id.ToString()), then.Select(i => i.EventId));
    }

    [Fact]
    public async Task Sse_LastEventIdQuery_GetsEventsAfterIt()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var published = await PublishAsync(server, "test/a", 10);

        var url = new Uri(server.SseUri("test/a") + "&lastEventId=" + published[3].Id);
        await using var stream = await SseConnection.OpenAsync(client, url);
        var replayed = await stream.TakeAsync(6);

        Assert.Equal(published.Skip(4).Select(e => e.Id.ToString()), replayed.Select(i => i.EventId));
    }

    [Fact]
    public async Task Sse_HeaderAndQueryBothGiven_HeaderWins()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var published = await PublishAsync(server, "test/a", 10);

        var url = new Uri(server.SseUri("test/a") + "&lastEventId=" + published[1].Id);
        await using var stream = await SseConnection.OpenAsync(client, url, lastEventId: published[7].Id.ToString());
        var replayed = await stream.TakeAsync(2);

        Assert.Equal(published.Skip(8).Select(e => e.Id.ToString()), replayed.Select(i => i.EventId));
    }

    [Fact]
    public async Task Sse_ResumeAcrossTopics_MergesInIdOrder()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var published = new List<FeedEvent>();
        for (var i = 0; i < 9; i++)
        {
            published.Add(await server.PublishAsync(i % 3 == 0 ? "clock" : $"ticker/S{i % 3}"));
        }

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock", "ticker/*"), lastEventId: published[2].Id.ToString());
        var replayed = await stream.TakeAsync(6);

        Assert.Equal(published.Skip(3).Select(e => e.Id.ToString()), replayed.Select(i => i.EventId));
    }

    [Fact]
    public async Task Sse_ResumeOlderThanHistory_SendsResetFirstThenWhatIsKept()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:History:PerTopic"] = "3" });
        using var client = server.CreateClient();
        var published = await PublishAsync(server, "test/a", 10);

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("test/a"), lastEventId: published[1].Id.ToString());
        var items = await stream.TakeAsync(4);

        var reset = items[0];
        Assert.Equal("reset", reset.EventType);
        // No id of its own: like any event without an id: line, it carries the last one, the preamble's, which is the id resumed from.
        Assert.Equal(published[1].Id.ToString(), reset.EventId);
        using var data = JsonDocument.Parse(reset.Data);
        Assert.Equal("", data.RootElement.GetProperty("topic").GetString());
        Assert.True(data.RootElement.GetProperty("ts").GetInt64() > 0);
        Assert.Equal(published[1].Id, data.RootElement.GetProperty("afterId").GetInt64());
        Assert.Equal(published[6].Id, data.RootElement.GetProperty("oldestAvailableId").GetInt64());
        Assert.Equal(published.Skip(7).Select(e => e.Id.ToString()), items.Skip(1).Select(i => i.EventId));
    }

    [Fact]
    public async Task Sse_ResumeWithinHistory_SendsNoReset()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:History:PerTopic"] = "3" });
        using var client = server.CreateClient();
        var published = await PublishAsync(server, "test/a", 10);

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("test/a"), lastEventId: published[6].Id.ToString());
        var first = await stream.NextAsync();

        Assert.Equal(published[7].Id.ToString(), first.EventId);
    }

    private static async Task<List<FeedEvent>> PublishAsync(FeedsServer server, string topic, int count)
    {
        var published = new List<FeedEvent>(count);
        for (var i = 0; i < count; i++)
        {
            published.Add(await server.PublishAsync(topic, new { n = i }));
        }

        return published;
    }
}
