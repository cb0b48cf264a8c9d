using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Hub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

[Trait("Tier", "Server")]
public sealed class SseEndpointTests
{
    private static readonly TimeSpan Patience = SseConnection.Patience;

    [Fact]
    public async Task Sse_ValidRequest_SendsUnbufferedEventStreamHeaders()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"),
            configure: request => request.Headers.AcceptEncoding.ParseAdd("gzip, br"));

        var response = stream.Response;
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal(["no"], response.Headers.GetValues("X-Accel-Buffering"));
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Sse_AppCompressesEveryType_StreamStaysUncompressed()
    {
        await using var server = await FeedsServer.StartAsync(
            configureBuilder: builder => builder.Services.AddResponseCompression(options =>
                options.MimeTypes = ["text/event-stream", "application/json"]),
            configureApp: app => app.UseResponseCompression());
        using var client = server.CreateClient();

        // The same app does compress JSON, so the middleware is really in the way of the stream.
        using var topicsRequest = new HttpRequestMessage(HttpMethod.Get, "feeds/topics");
        topicsRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        using var topics = await client.SendAsync(topicsRequest);
        Assert.Equal(["gzip"], topics.Content.Headers.ContentEncoding);

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"),
            configure: request => request.Headers.AcceptEncoding.ParseAdd("gzip"));
        var published = await server.PublishAsync("clock");
        var item = await stream.NextAsync();

        Assert.Empty(stream.Response.Content.Headers.ContentEncoding);
        Assert.Equal(published.Id.ToString(), item.EventId);
    }

    [Fact]
    public async Task Sse_NewStream_SendsRetryBeforeAnything()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:RetryMs"] = "1234" });
        using var client = server.CreateClient();
        using var response = await client.GetAsync(server.SseUri("clock"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await reader.ReadLineAsync().WaitAsync(Patience);

        Assert.Equal("retry: 1234", first);
    }

    [Fact]
    public async Task Sse_NewStream_PreambleNamesTheIdItStartsAfter()
    {
        await using var server = await FeedsServer.StartAsync();
        await server.PublishAsync("test/a");
        var last = await server.PublishAsync("test/b");
        using var client = server.CreateClient();
        using var response = await client.GetAsync(server.SseUri("test/a"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var preamble = new List<string>();
        do
        {
            preamble.Add(await reader.ReadLineAsync().WaitAsync(Patience) ?? throw new EndOfStreamException());
        }
        while (preamble[^1].Length > 0);

        // An id with no data dispatches no event but becomes EventSource's lastEventId: a client that
        // drops before its first event resumes after the last id of any topic when it subscribed.
        Assert.Contains($"id: {last.Id}", preamble);
        Assert.DoesNotContain(preamble, line => line.StartsWith("data:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sse_PublishedEvent_ParsesWithIdTypeRetryAndJsonData()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:RetryMs"] = "1234" });
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("ticker/ACME"));

        var published = await server.PublishAsync("ticker/ACME", new { symbol = "ACME", last = 12.5 }, type: "quote");
        var item = await stream.NextAsync();

        Assert.Equal(published.Id.ToString(), item.EventId);
        Assert.Equal("quote", item.EventType);
        Assert.Equal(TimeSpan.FromMilliseconds(1234), stream.Parser.ReconnectionInterval);
        using var data = JsonDocument.Parse(item.Data);
        Assert.Equal("ticker/ACME", data.RootElement.GetProperty("topic").GetString());
        Assert.Equal(published.Timestamp.ToUnixTimeMilliseconds(), data.RootElement.GetProperty("ts").GetInt64());
        Assert.Equal("ACME", data.RootElement.GetProperty("symbol").GetString());
        Assert.Equal(12.5, data.RootElement.GetProperty("last").GetDouble());
    }

    [Fact]
    public async Task Sse_TopicsAndPrefix_GetsExactlyTheMatchingEventsInOrder()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("ticker/*", "clock"));

        string[] topics = ["ticker/ACME", "metrics/web-1", "clock", "ticker", "tickers/ACME", "clockwork", "ticker/GLOBX/deep", "clock"];
        var published = new List<FeedEvent>();
        foreach (var topic in topics)
        {
            published.Add(await server.PublishAsync(topic));
        }

        // The last one matches, and order is kept, so anything unwanted would arrive before it.
        var items = await stream.TakeAsync(4);

        var expected = published.Where(e => e.Topic is "clock" or "ticker/ACME" or "ticker/GLOBX/deep").Select(e => e.Id.ToString());
        Assert.Equal(expected, items.Select(i => i.EventId));
        Assert.Equal(["ticker/ACME", "clock", "ticker/GLOBX/deep", "clock"], items.Select(i => Topic(i.Data)));
    }

    [Fact]
    public async Task Sse_IdleStream_SendsHeartbeatComment()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:HeartbeatSeconds"] = "1" });
        using var client = server.CreateClient();
        using var response = await client.GetAsync(server.SseUri("clock"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var lines = new List<string>();
        while (lines.LastOrDefault() != ": heartbeat")
        {
            lines.Add(await reader.ReadLineAsync().WaitAsync(Patience) ?? throw new EndOfStreamException());
        }

        Assert.StartsWith("retry: ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sse_HeartbeatBetweenEvents_EventsStillParse()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:HeartbeatSeconds"] = "1" });
        using var client = server.CreateClient();
        using var response = await client.GetAsync(server.SseUri("clock"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await server.PublishAsync("clock");

        // Read past the first event to a heartbeat, then publish again.
        var lines = new List<string>();
        while (lines.LastOrDefault() != ": heartbeat")
        {
            lines.Add(await reader.ReadLineAsync().WaitAsync(Patience) ?? throw new EndOfStreamException());
        }

        var second = await server.PublishAsync("clock");
        while (lines.LastOrDefault() != $"id: {second.Id}")
        {
            lines.Add(await reader.ReadLineAsync().WaitAsync(Patience) ?? throw new EndOfStreamException());
        }

        Assert.Contains($"id: {first.Id}", lines);
        Assert.True(lines.IndexOf($"id: {first.Id}") < lines.IndexOf(": heartbeat"));
    }

    [Fact]
    public async Task Sse_ClientDisconnects_SubscriberIsRemoved()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"));
        Assert.Equal(1, await SubscribersAsync(client));

        await stream.DisposeAsync();

        await Poll.UntilAsync(async () => await SubscribersAsync(client) == 0, Patience, "/feeds/stats shows 0 subscribers");
        Assert.Equal(0, server.Hub.SubscriberCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?topic=")]
    [InlineData("?topic=bad%20topic")]
    [InlineData("?topic=a//b")]
    [InlineData("?topic=ticker/*/x")]
    [InlineData("?topic=*")]
    [InlineData("?topic=clock&topic=ticker/")]
    public async Task Sse_InvalidTopics_Returns400ProblemDetails(string query)
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("feeds/sse" + query);

        await AssertProblemAsync(response);
    }

    [Theory]
    [InlineData("abc", null)]
    [InlineData("-1", null)]
    [InlineData("1.5", null)]
    [InlineData("99999999999999999999", null)]
    [InlineData(null, "abc")]
    [InlineData(null, "-3")]
    public async Task Sse_BadLastEventId_Returns400ProblemDetails(string? header, string? query)
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            "feeds/sse?topic=clock" + (query is null ? "" : "&lastEventId=" + Uri.EscapeDataString(query)));
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", header);
        }

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response);
        Assert.Equal(0, server.Hub.SubscriberCount);
    }

    [Fact]
    public async Task Sse_AppStopping_EndsOpenStreamsWithoutHoldingShutdown()
    {
        var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"));

        // The host's shutdown timeout is 30 s; a stream that ignored stopping would hold it that long.
        await server.StopAsync().WaitAsync(Patience);

        Assert.Empty(await stream.ReadToEndAsync());
    }

    [Fact]
    public async Task Sse_ClientFallsBehindItsQueue_ConnectionCutAndResumeGetsTheRest()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:QueueCapacity"] = "1" });
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("test/*"));

        // Published in one burst, far faster than one event at a time reaches the socket.
        var published = new List<FeedEvent>();
        for (var i = 0; i < 500; i++)
        {
            published.Add(await server.PublishAsync("test/burst"));
        }

        // The reset may come before anything reached the client; it resumes from what it has.
        var before = await stream.ReadUntilCutAsync();
        var lastSeen = before.Count > 0 ? before[^1].EventId : (published[0].Id - 1).ToString();
        await using var resumed = await SseConnection.OpenAsync(client, server.SseUri("test/*"), lastSeen);
        var after = await resumed.TakeAsync(published.Count - before.Count);

        Assert.InRange(before.Count, 0, published.Count - 1);
        Assert.True(server.Services.GetRequiredService<FeedStats>().Dropped >= 1);
        Assert.Equal(published.Select(e => e.Id.ToString()), before.Concat(after).Select(i => i.EventId));
    }

    internal static async Task<int> SubscribersAsync(HttpClient client)
    {
        using var stats = await client.GetFromJsonAsync<JsonDocument>("feeds/stats");
        return stats!.RootElement.GetProperty("subscribers").GetInt32();
    }

    private static Task AssertProblemAsync(HttpResponseMessage response) => ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);

    private static string? Topic(string data)
    {
        using var json = JsonDocument.Parse(data);
        return json.RootElement.GetProperty("topic").GetString();
    }
}
