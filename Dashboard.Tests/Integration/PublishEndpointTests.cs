using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration;

/// <summary><c>POST /feeds/publish/{topic}</c> as a user's script calls it, with curl or anything else.</summary>
[Trait("Tier", "Server")]
public sealed class PublishEndpointTests
{
    private const string Key = "test-key-0123456789";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Feeds:Publish:ApiKeys:0"] = "another-key-abcdefghij",
        ["Feeds:Publish:ApiKeys:1"] = Key,
        ["Feeds:Publish:Topics:0"] = "deploys",
        ["Feeds:Publish:MaxBodyBytes"] = "1024",
    };

    [Fact]
    public async Task Publish_WithKeyAndJson_Returns200WithIdAndTheEventArrivesOnTheTopic()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("deploys"));

        using var response = await client.SendAsync(Post("feeds/publish/deploys?type=deploy", """{"service":"api","version":"1.4.2"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var item = await stream.NextAsync();
        Assert.Equal(answer.GetProperty("id").GetInt64().ToString(), item.EventId);
        Assert.Equal("deploy", item.EventType);
        using var data = JsonDocument.Parse(item.Data);
        Assert.Equal("deploys", data.RootElement.GetProperty("topic").GetString());
        Assert.Equal(answer.GetProperty("ts").GetInt64(), data.RootElement.GetProperty("ts").GetInt64());
        Assert.Equal("api", data.RootElement.GetProperty("service").GetString());
        Assert.Equal("1.4.2", data.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Publish_AlertsWithoutConfiguringTopics_IsOpenAndDefaultsToMessageType()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("alerts"));

        using var response = await client.SendAsync(Post("feeds/publish/alerts", """{"severity":"critical","message":"disk full"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = await stream.NextAsync();
        Assert.Equal("message", item.EventType);
        Assert.Contains("disk full", item.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithoutKey_Returns401WithBearerChallenge()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        using var response = await client.SendAsync(Post("feeds/publish/alerts", "{}", key: null));

        await ProblemAssert.IsAsync(HttpStatusCode.Unauthorized, response);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Publish_WrongKey_Returns401InvalidToken()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        using var response = await client.SendAsync(Post("feeds/publish/alerts", "{}", key: Key + "x"));

        await ProblemAssert.IsAsync(HttpStatusCode.Unauthorized, response);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NoKeysConfigured_Returns401SayingPublishingIsOff()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.SendAsync(Post("feeds/publish/alerts", "{}"));

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.Unauthorized, response);
        Assert.Contains("Feeds:Publish:ApiKeys", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    public async Task Publish_BodyNotAJsonObject_Returns400(string body)
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        using var response = await client.SendAsync(Post("feeds/publish/alerts", body));

        await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);
        Assert.Empty((await server.Hub.ReadHistoryAsync(global::Feeds.Hub.TopicFilter.Parse("alerts"), 0)).Events);
    }

    [Fact]
    public async Task Publish_BodyOverTheLimit_Returns413()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        var body = "{\"text\":\"" + new string('x', 2000) + "\"}";

        using var response = await client.SendAsync(Post("feeds/publish/alerts", body));

        await ProblemAssert.IsAsync(HttpStatusCode.RequestEntityTooLarge, response);
    }

    [Fact]
    public async Task Publish_ChunkedBodyOverTheLimit_Returns413()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        var body = "{\"text\":\"" + new string('x', 4000) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "feeds/publish/alerts")
        {
            // No Content-Length: the size is only known while reading.
            Content = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        using var response = await client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        await ProblemAssert.IsAsync(HttpStatusCode.RequestEntityTooLarge, response);
    }

    [Fact]
    public async Task Publish_BodySentTooSlowly_Returns408Problem()
    {
        await using var server = await FeedsServer.StartAsync(Settings);

        using var response = await BrokenBodies.StallingAsync(server.BaseAddress, "/feeds/publish/alerts", $"Authorization: Bearer {Key}");

        await ProblemAssert.IsAsync(HttpStatusCode.RequestTimeout, response);
        Assert.Empty((await server.Hub.ReadHistoryAsync(global::Feeds.Hub.TopicFilter.Parse("alerts"), 0)).Events);
    }

    [Fact]
    public async Task Publish_MalformedChunkSize_Returns400Problem()
    {
        await using var server = await FeedsServer.StartAsync(Settings);

        using var response = await BrokenBodies.BadChunkSizeAsync(server.BaseAddress, "/feeds/publish/alerts", $"Authorization: Bearer {Key}");

        await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);
        Assert.Empty((await server.Hub.ReadHistoryAsync(global::Feeds.Hub.TopicFilter.Parse("alerts"), 0)).Events);
    }

    [Fact]
    public async Task Publish_InvalidUtf8InAString_Returns400NamingUtf8()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        byte[] body = [.. "{\"message\":\"a"u8, 0xC3, 0x28, .. "b\"}"u8];

        using var response = await client.SendAsync(Post("feeds/publish/alerts", body));

        Assert.Contains("UTF-8", await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response), StringComparison.Ordinal);
        Assert.Empty((await server.Hub.ReadHistoryAsync(global::Feeds.Hub.TopicFilter.Parse("alerts"), 0)).Events);
    }

    [Theory]
    [InlineData("\U0001F680 launch")]
    [InlineData("\u6F22\u5B57\u304B\u306A")]
    [InlineData("caf\u00E9 \u20AC5")]
    public async Task Publish_MultiByteUtf8_ArrivesUnchanged(string message)
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("alerts"));

        using var response = await client.SendAsync(Post("feeds/publish/alerts", Encoding.UTF8.GetBytes($"{{\"message\":\"{message}\"}}")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var data = JsonDocument.Parse((await stream.NextAsync()).Data);
        Assert.Equal(Encoding.UTF8.GetBytes(message), Encoding.UTF8.GetBytes(data.RootElement.GetProperty("message").GetString()!));
    }

    [Fact]
    public async Task Publish_NotJsonContentType_Returns415()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        using var request = Post("feeds/publish/alerts", "{}");
        request.Content = new StringContent("{}", Encoding.UTF8, "text/plain");

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsAsync(HttpStatusCode.UnsupportedMediaType, response);
    }

    [Theory]
    [InlineData("feeds/publish/nowhere", HttpStatusCode.NotFound)]
    [InlineData("feeds/publish/clock", HttpStatusCode.Forbidden)]
    [InlineData("feeds/publish/alerts?type=bad%20type", HttpStatusCode.BadRequest)]
    public async Task Publish_TopicOrTypeNotAllowed_ReturnsProblem(string url, HttpStatusCode status)
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        using var response = await client.SendAsync(Post(url, "{}"));

        await ProblemAssert.IsAsync(status, response);
    }

    [Fact]
    public async Task Publish_FasterThanPermitted_Returns429WithRetryAfter()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Feeds:Publish:PermitsPerSecond"] = "3" };
        await using var server = await FeedsServer.StartAsync(settings);
        using var client = server.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await client.SendAsync(Post("feeds/publish/alerts", "{}"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            await ProblemAssert.IsAsync(HttpStatusCode.TooManyRequests, refused);
            Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 3, 6);
    }

    private static HttpRequestMessage Post(string url, string json, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    private static HttpRequestMessage Post(string url, byte[] json)
    {
        var request = Post(url, "");
        request.Content = new ByteArrayContent(json);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    /// <summary>A body whose length HttpClient cannot see, so it is sent chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
