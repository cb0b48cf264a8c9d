using System.Net;
using System.Net.WebSockets;
using Dashboard.Tests.Shared;
using Feeds.Hub;

namespace Dashboard.Tests.Integration;

/// <summary><c>/feeds/ws</c>: the same feed as SSE over a WebSocket, one JSON message per event.</summary>
[Trait("Tier", "Server")]
public sealed class WebSocketEndpointTests
{
    private static readonly TimeSpan Patience = SseConnection.Patience;

    [Fact]
    public async Task Ws_PublishedEvents_ArriveAsJsonWithIdTopicTypeAndData()
    {
        await using var server = await FeedsServer.StartAsync();
        await using var socket = await WebSocketConnection.OpenAsync(server.BaseAddress, "feeds/ws?topic=ticker/*");
        await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == 1), Patience, "the socket is subscribed");

        var published = await server.PublishAsync("ticker/ACME", new { symbol = "ACME", last = 12.5 }, type: "quote");
        var message = (await socket.NextAsync())!.Value;

        Assert.Equal(published.Id, message.GetProperty("id").GetInt64());
        Assert.Equal("ticker/ACME", message.GetProperty("topic").GetString());
        Assert.Equal("quote", message.GetProperty("type").GetString());
        var data = message.GetProperty("data");
        Assert.Equal(published.Timestamp.ToUnixTimeMilliseconds(), data.GetProperty("ts").GetInt64());
        Assert.Equal(12.5, data.GetProperty("last").GetDouble());
    }

    [Fact]
    public async Task Ws_LastEventIdInQuery_GetsTheEventsAfterItThenLive()
    {
        await using var server = await FeedsServer.StartAsync();
        var published = new List<FeedEvent>();
        for (var i = 0; i < 5; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        await using var socket = await WebSocketConnection.OpenAsync(server.BaseAddress, $"feeds/ws?topic=test/a&lastEventId={published[1].Id}");
        var replayed = await socket.TakeAsync(3);
        published.Add(await server.PublishAsync("test/a"));
        var live = (await socket.NextAsync())!.Value;

        Assert.Equal(published.Skip(2).Select(e => e.Id), replayed.Append(live).Select(m => m.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Ws_ResumeOlderThanHistory_SendsResetFirst()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:History:PerTopic"] = "2" });
        var published = new List<FeedEvent>();
        for (var i = 0; i < 5; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        await using var socket = await WebSocketConnection.OpenAsync(server.BaseAddress, $"feeds/ws?topic=test/a&lastEventId={published[0].Id}");
        var messages = await socket.TakeAsync(3);

        Assert.Equal("reset", messages[0].GetProperty("type").GetString());
        Assert.Equal(published[2].Id, messages[0].GetProperty("data").GetProperty("oldestAvailableId").GetInt64());
        Assert.Equal([published[3].Id, published[4].Id], messages.Skip(1).Select(m => m.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Ws_MaxEvents_SendsEndThenClosesNormally()
    {
        await using var server = await FeedsServer.StartAsync();
        await using var socket = await WebSocketConnection.OpenAsync(server.BaseAddress, "feeds/ws?topic=test/a&maxEvents=2");
        await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == 1), Patience, "the socket is subscribed");
        for (var i = 0; i < 3; i++)
        {
            await server.PublishAsync("test/a");
        }

        var messages = await socket.ReadToCloseAsync();

        Assert.Equal(["test", "test", "end"], messages.Select(m => m.GetProperty("type").GetString()));
        Assert.Equal(2, messages[2].GetProperty("data").GetProperty("sent").GetInt32());
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task Ws_AppStopping_DeliversWhatWasQueuedThenClosesGoingAwayWithADelay()
    {
        var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:RetryMs"] = "2000", ["Feeds:Sse:ShutdownRetryJitterMs"] = "1000" });
        await using var socket = await WebSocketConnection.OpenAsync(server.BaseAddress, "feeds/ws?topic=test/a");
        await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == 1), Patience, "the socket is subscribed");
        var published = new List<FeedEvent>();
        for (var i = 0; i < 50; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        await server.StopAsync().WaitAsync(Patience);
        var messages = await socket.ReadToCloseAsync();

        Assert.Equal(published.Select(e => e.Id), messages.Select(m => m.GetProperty("id").GetInt64()));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.CloseStatus);
        Assert.Matches(@"^server stopping; reconnect in (2\d{3}|3000) ms$", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task Ws_ClientCloses_SubscriptionIsRemovedAndLogged()
    {
        await using var server = await FeedsServer.StartAsync();
        await using var socket = await WebSocketConnection.OpenAsync(server.BaseAddress, "feeds/ws?topic=clock");
        await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == 1), Patience, "the socket is subscribed");

        await socket.CloseAsync();

        await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == 0), Patience, "the subscription is gone");
        using var client = server.CreateClient();
        await Poll.UntilAsync(async () => (await client.GetStringAsync("feeds/streams")).Contains("\"transport\":\"ws\",\"topics\":\"clock\",\"client\":\"127.0.0.1\",\"sent\":0,\"detail\":\"the client went away\"", StringComparison.Ordinal),
            Patience, "/feeds/streams shows the socket ended by the client");
    }

    [Theory]
    [InlineData("feeds/ws?topic=no-such-topic", 404)]
    [InlineData("feeds/ws?topic=clock&lastEventId=garbage", 400)]
    [InlineData("feeds/ws", 400)]
    public async Task Ws_BadRequest_RefusedWithTheSameStatusAsSse(string pathAndQuery, int status)
    {
        await using var server = await FeedsServer.StartAsync();

        Assert.Equal(status, await WebSocketConnection.HandshakeStatusAsync(server.BaseAddress, pathAndQuery));
    }

    [Fact]
    public async Task Ws_ProtectedTopic_NeedsTheKeyInTheQuery()
    {
        const string key = "ws-key-0123456789abc";
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:Access:0:Topics:0"] = "test/*",
            ["Feeds:Access:0:Keys:0"] = key,
        });

        Assert.Equal(401, await WebSocketConnection.HandshakeStatusAsync(server.BaseAddress, "feeds/ws?topic=test/a"));
        await using var socket = await WebSocketConnection.OpenAsync(server.BaseAddress, $"feeds/ws?topic=test/a&access_token={key}");
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Ws_PlainHttpGet_Returns400ProblemPointingToTheOtherTransports()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("feeds/ws?topic=clock");

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);
        Assert.Contains("/feeds/sse", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example.com", 403)]
    [InlineData("https://wall.example.com", 101)]
    public async Task Ws_FromAPageOfAnotherOrigin_OnlyTheAllowedOnesGetIn(string origin, int status)
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Cors:Origins:0"] = "https://wall.example.com" });

        Assert.Equal(status, await WebSocketConnection.HandshakeStatusAsync(server.BaseAddress, "feeds/ws?topic=clock", origin));
    }
}
