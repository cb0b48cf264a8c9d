using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Hub;

namespace Dashboard.Tests.Integration;

/// <summary>How streams end: by themselves after maxEvents, by the client leaving, or by the server stopping.</summary>
[Trait("Tier", "Server")]
public sealed class SseLifecycleTests
{
    private static readonly TimeSpan Patience = SseConnection.Patience;

    [Fact]
    public async Task Sse_MaxEvents3_SendsThreeEventsThenEndAndCloses()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, new Uri(server.SseUri("test/a") + "&maxEvents=3"));
        var published = new List<FeedEvent>();
        for (var i = 0; i < 5; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        var items = await stream.ReadToEndAsync().WaitAsync(Patience);

        Assert.Equal(published.Take(3).Select(e => e.Id.ToString()), items.Take(3).Select(i => i.EventId));
        var end = items[3];
        Assert.Equal(4, items.Count);
        Assert.Equal("end", end.EventType);
        Assert.Null(end.EventId);
        using var data = JsonDocument.Parse(end.Data);
        Assert.Equal("maxEvents", data.RootElement.GetProperty("reason").GetString());
        Assert.Equal(3, data.RootElement.GetProperty("sent").GetInt32());
        await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == 0), Patience, "the ended stream's subscription is gone");
    }

    [Fact]
    public async Task Sse_MaxEventsWithResume_CountsReplayedEvents()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var published = new List<FeedEvent>();
        for (var i = 0; i < 4; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        await using var stream = await SseConnection.OpenAsync(client, new Uri(server.SseUri("test/a") + "&maxEvents=2"), published[0].Id.ToString());
        var items = await stream.ReadToEndAsync().WaitAsync(Patience);

        Assert.Equal([published[1].Id.ToString(), published[2].Id.ToString(), null], items.Select(i => i.EventId));
        Assert.Equal("end", items[^1].EventType);
    }

    [Fact]
    public async Task Sse_900ConnectsAndDisconnects_StatsReturnToZeroSubscribers()
    {
        // All from one address, faster than the server notices each leave: not what the per-client limit is for.
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:MaxStreamsPerClient"] = "10000" });
        using var client = server.CreateClient();

        // 30 at a time: many disconnects in flight at once.
        await Parallel.ForAsync(0, 900, new ParallelOptions { MaxDegreeOfParallelism = 30 }, async (i, _) =>
        {
            await using var stream = await SseConnection.OpenAsync(client, server.SseUri(i % 2 == 0 ? "clock" : "test/*"));
            if (i % 3 == 0)
            {
                // Some leave after an event, some before anything arrives.
                var published = await server.PublishAsync("test/a");
                Assert.NotNull(published);
            }
        });

        await Poll.UntilAsync(async () => await SseEndpointTests.SubscribersAsync(client) == 0, Patience, "/feeds/stats shows 0 subscribers");
        await using var stillServing = await SseConnection.OpenAsync(client, server.SseUri("clock"));
        var live = await server.PublishAsync("clock");
        Assert.Equal(live.Id.ToString(), (await stillServing.NextAsync()).EventId);
    }

    [Fact]
    public async Task Sse_AppStopping_DeliversWhatWasQueuedThenRetryWithinTheJitterWindow()
    {
        var server = await FeedsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:Sse:RetryMs"] = "2000",
            ["Feeds:Sse:ShutdownRetryJitterMs"] = "3000",
        });
        using var client = server.CreateClient();
        var streams = new List<SseConnection>();
        for (var i = 0; i < 8; i++)
        {
            streams.Add(await SseConnection.OpenAsync(client, server.SseUri("test/a")));
        }

        var published = new List<FeedEvent>();
        for (var i = 0; i < 200; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        await server.StopAsync().WaitAsync(Patience);

        var retries = new List<TimeSpan>();
        foreach (var stream in streams)
        {
            var items = await stream.ReadToEndAsync().WaitAsync(Patience);
            Assert.Equal(published.Select(e => e.Id.ToString()), items.Select(i => i.EventId));
            retries.Add(stream.Parser.ReconnectionInterval);
            await stream.DisposeAsync();
        }

        Assert.All(retries, retry => Assert.InRange(retry, TimeSpan.FromMilliseconds(2000), TimeSpan.FromMilliseconds(5000)));
        Assert.True(retries.Distinct().Count() > 1, $"Every stream was told the same delay, {retries[0]}: the clients would all return at once.");
    }

    [Fact]
    public async Task Streams_ClientLeaves_LogShowsTheStreamOpenedThenEndedByTheClient()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"));
        var published = await server.PublishAsync("clock");
        Assert.Equal(published.Id.ToString(), (await stream.NextAsync()).EventId);

        await stream.DisposeAsync();

        JsonElement[] entries = [];
        await Poll.UntilAsync(async () =>
        {
            using var log = JsonDocument.Parse(await client.GetStringAsync("feeds/streams"));
            entries = log.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
            return entries.Any(e => e.GetProperty("event").GetString() == "ended");
        }, Patience, "/feeds/streams shows the stream ended");
        var ended = entries[0];
        var opened = entries[1];
        Assert.Equal(("ended", "opened"), (ended.GetProperty("event").GetString(), opened.GetProperty("event").GetString()));
        Assert.Equal(opened.GetProperty("stream").GetInt64(), ended.GetProperty("stream").GetInt64());
        Assert.Equal("the client went away", ended.GetProperty("detail").GetString());
        Assert.Equal(1, ended.GetProperty("sent").GetInt64());
        Assert.Equal(("sse", "clock"), (ended.GetProperty("transport").GetString(), ended.GetProperty("topics").GetString()));
    }
}
