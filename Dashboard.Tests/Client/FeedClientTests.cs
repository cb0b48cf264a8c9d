using Dashboard.Tests.Shared;
using Feeds.Client;
using Feeds.Hub;

namespace Dashboard.Tests.Client;

[Trait("Tier", "Server")]
public sealed class FeedClientTests
{
    [Fact]
    public async Task StreamAsync_PublishedEvents_YieldsIdTopicTypeDataAndTs()
    {
        await using var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("ticker/*"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        var published = await server.PublishAsync("ticker/ACME", new TestQuote("ACME", 12.5m), type: "quote");
        var message = await probe.NextAsync();

        Assert.Equal(published.Id, message.Id);
        Assert.Equal("ticker/ACME", message.Topic);
        Assert.Equal("quote", message.Type);
        Assert.Equal(published.Timestamp.ToUnixTimeMilliseconds(), message.Ts);
        Assert.Equal(12.5, message.Number("last"));
        Assert.Equal(new TestQuote("ACME", 12.5m), message.As<TestQuote>());
    }

    [Fact]
    public async Task StreamAsyncOfT_PublishedEvents_YieldsTypedData()
    {
        await using var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        await using var probe = FeedProbe<FeedMessage<TestQuote>>.Start((onState, ct) => client.StreamAsync<TestQuote>(server.SseUri("ticker/*"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        var first = await server.PublishAsync("ticker/ACME", new TestQuote("ACME", 12.5m), type: "quote");
        var second = await server.PublishAsync("ticker/GLOBX", new TestQuote("GLOBX", 7m), type: "quote");
        var messages = await probe.TakeAsync(2);

        Assert.Equal(
            [new FeedMessage<TestQuote>(first.Id, "ticker/ACME", "quote", new TestQuote("ACME", 12.5m), first.Timestamp.ToUnixTimeMilliseconds()),
             new FeedMessage<TestQuote>(second.Id, "ticker/GLOBX", "quote", new TestQuote("GLOBX", 7m), second.Timestamp.ToUnixTimeMilliseconds())],
            messages);
    }

    [Fact]
    public async Task StreamAsync_LastEventIdGiven_SendsItAndYieldsOnlyLaterEvents()
    {
        await using var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        var published = new List<FeedEvent>();
        for (var i = 0; i < 7; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("test/a"), published[4].Id, onState, ct));
        var messages = await probe.TakeAsync(2);

        Assert.Equal(published.Skip(5).Select(e => e.Id), messages.Select(m => m.Id));
        Assert.Equal([published[4].Id.ToString()], server.LastEventIdHeaders);
    }

    [Fact]
    public async Task StreamAsync_ResumeOlderThanHistory_YieldsResetThenTheKeptEvents()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:History:PerTopic"] = "2" });
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        var published = new List<FeedEvent>();
        for (var i = 0; i < 5; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("test/a"), published[0].Id, onState, ct));
        var messages = await probe.TakeAsync(3);

        var reset = messages[0];
        Assert.Equal(("reset", 0L, ""), (reset.Type, reset.Id, reset.Topic));
        Assert.True(reset.Ts > 0);
        Assert.Equal(new FeedReset(published[0].Id, published[2].Id), reset.As<FeedReset>());
        Assert.Equal(published.Skip(3).Select(e => e.Id), messages.Skip(1).Select(m => m.Id));
    }

    [Fact]
    public async Task StreamAsyncOfT_ResumeOlderThanHistory_SkipsTheReset()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:History:PerTopic"] = "2" });
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        var published = new List<FeedEvent>();
        for (var i = 0; i < 5; i++)
        {
            published.Add(await server.PublishAsync("ticker/ACME", new TestQuote("ACME", i)));
        }

        await using var probe = FeedProbe<FeedMessage<TestQuote>>.Start((onState, ct) => client.StreamAsync<TestQuote>(server.SseUri("ticker/ACME"), published[0].Id, onState, ct));
        var messages = await probe.TakeAsync(2);

        Assert.Equal(published.Skip(3).Select(e => e.Id), messages.Select(m => m.Id));
        Assert.Equal([3m, 4m], messages.Select(m => m.Data.Last));
    }

    [Fact]
    public async Task StreamAsync_Cancelled_ThrowsOperationCanceledAndClosesTheStream()
    {
        await using var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("clock"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        probe.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.Completion.WaitAsync(FeedProbe<FeedMessage>.Patience));
        await server.WaitForOpenStreamsAsync(0, FeedProbe<FeedMessage>.Patience);
        Assert.Equal(0, server.Hub.SubscriberCount);
    }

    [Fact]
    public async Task StreamAsync_ConsumerStopsEarly_ClosesTheStream()
    {
        await using var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            await foreach (var message in client.StreamAsync(server.SseUri("clock"), onStateChanged: s =>
            {
                if (s == FeedConnectionState.Live)
                {
                    live.TrySetResult();
                }
            }))
            {
                return message;
            }

            return null;
        });
        await live.Task.WaitAsync(FeedProbe<FeedMessage>.Patience);

        var published = await server.PublishAsync("clock");
        var first = await reading.WaitAsync(FeedProbe<FeedMessage>.Patience);

        Assert.Equal(published.Id, first?.Id);
        await server.WaitForOpenStreamsAsync(0, FeedProbe<FeedMessage>.Patience);
    }

    [Fact]
    public async Task StreamAsync_ServerEndsAtMaxEvents_YieldsTheEndAndStopsWithoutReconnecting()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:RetryMs"] = "10" });
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(new Uri(server.SseUri("test/a") + "&maxEvents=2"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        var first = await server.PublishAsync("test/a");
        var second = await server.PublishAsync("test/a");
        var messages = await probe.TakeAsync(3);
        await probe.Completion.WaitAsync(FeedProbe<FeedMessage>.Patience);

        Assert.Equal([first.Id, second.Id, 0], messages.Select(m => m.Id));
        Assert.Equal(FeedEnd.EventType, messages[2].Type);
        Assert.Equal(new FeedEnd(FeedEnd.MaxEventsReason, 2), messages[2].As<FeedEnd>());
        Assert.Single(server.LastEventIdHeaders);
    }
}
