using System.Net;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration;

/// <summary>Requests the stream endpoint refuses, each with a clear problem answer, while the server streams on.</summary>
[Trait("Tier", "Server")]
public sealed class SseLimitsTests
{
    private static readonly TimeSpan Patience = SseConnection.Patience;

    [Theory]
    [InlineData("?topic=no-such-topic")]
    [InlineData("?topic=nothing/*")]
    [InlineData("?topic=clock&topic=ticker/NOPE")]
    public async Task Sse_UnknownTopic_Returns404ProblemNamingIt(string query)
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("feeds/sse" + query);

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.NotFound, response);
        Assert.Contains("/feeds/topics", detail, StringComparison.Ordinal);
        Assert.Equal(0, server.Hub.SubscriberCount);
    }

    [Fact]
    public async Task Sse_FiveHundredTopics_Returns400NamingTheLimit()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var query = string.Join('&', Enumerable.Range(0, 500).Select(i => $"topic=t{i}"));

        using var response = await client.GetAsync("feeds/sse?" + query);

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);
        Assert.Contains("Feeds:Sse:MaxTopicsPerConnection", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sse_MoreTopicsThanConfigured_Returns400()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:MaxTopicsPerConnection"] = "2" });
        using var client = server.CreateClient();

        using var twoTopics = await client.GetAsync(server.SseUri("test/a", "test/b"), HttpCompletionOption.ResponseHeadersRead);
        using var threeTopics = await client.GetAsync(server.SseUri("test/a", "test/b", "clock"));

        Assert.Equal(HttpStatusCode.OK, twoTopics.StatusCode);
        await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, threeTopics);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("99999999999")]
    public async Task Sse_BadMaxEvents_Returns400(string maxEvents)
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("feeds/sse?topic=clock&maxEvents=" + maxEvents);

        await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);
    }

    [Fact]
    public async Task Sse_HugeLastEventIdHeader_Returns4xxWithoutEchoingIt()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.SseUri("clock"));
        request.Headers.TryAddWithoutValidation("Last-Event-ID", new string('x', 8000));

        using var response = await client.SendAsync(request);

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);
        Assert.True(detail.Length < 200, $"The answer echoed the garbage: {detail.Length} characters.");
    }

    [Fact]
    public async Task Sse_HeadersOverKestrelsLimit_Returns431AndTheServerStreamsOn()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.SseUri("clock"));
        request.Headers.TryAddWithoutValidation("X-Padding", new string('x', 64 * 1024));

        using var response = await client.SendAsync(request);
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"));
        var published = await server.PublishAsync("clock");

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(published.Id.ToString(), (await stream.NextAsync()).EventId);
    }

    [Fact]
    public async Task Sse_MoreStreamsThanPerClientLimit_Returns429WithRetryAfterUntilOneCloses()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:MaxStreamsPerClient"] = "2" });
        using var client = server.CreateClient();
        var first = await SseConnection.OpenAsync(client, server.SseUri("clock"));
        await using var second = await SseConnection.OpenAsync(client, server.SseUri("clock"));

        using var refused = await client.GetAsync(server.SseUri("clock"));

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.TooManyRequests, refused);
        Assert.Contains("Feeds:Sse:MaxStreamsPerClient", detail, StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        await first.DisposeAsync();
        await Poll.UntilAsync(async () =>
        {
            using var retry = await client.GetAsync(server.SseUri("clock"), HttpCompletionOption.ResponseHeadersRead);
            return retry.StatusCode == HttpStatusCode.OK;
        }, Patience, "a stream is admitted once one of the two has closed");
    }

    [Fact]
    public async Task Sse_MoreStreamsThanServerLimit_Returns503WithRetryAfter()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:MaxStreams"] = "1" });
        using var client = server.CreateClient();
        await using var only = await SseConnection.OpenAsync(client, server.SseUri("clock"));

        using var refused = await client.GetAsync(server.SseUri("clock"));

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.ServiceUnavailable, refused);
        Assert.Contains("Feeds:Sse:MaxStreams", detail, StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Sse_AfterEveryKindOfBadRequest_TheOpenStreamStillDeliversLive()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:Publish:ApiKeys:0"] = "a-key-long-enough-to-use",
        });
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("test/a"));

        string[] bad =
        [
            "feeds/sse?topic=no-such-topic",
            "feeds/sse?topic=clock&lastEventId=garbage",
            "feeds/sse?" + string.Join('&', Enumerable.Range(0, 500).Select(i => $"topic=t{i}")),
            "feeds/sse?topic=%00",
            "feeds/sse?topic=clock&maxEvents=-5",
        ];
        foreach (var url in bad)
        {
            using var response = await client.GetAsync(url);
            Assert.InRange((int)response.StatusCode, 400, 499);
        }

        using var publish = await client.PostAsync("feeds/publish/alerts", new StringContent("{not json", null, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, publish.StatusCode);

        var published = await server.PublishAsync("test/a");
        var item = await stream.NextAsync();
        Assert.Equal(published.Id.ToString(), item.EventId);
    }
}
