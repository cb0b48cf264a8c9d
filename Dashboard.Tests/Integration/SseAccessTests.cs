using System.Net;
using System.Net.Http.Headers;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration;

/// <summary><c>Feeds:Access</c>: topics that need a key to read, and the rest left open.</summary>
[Trait("Tier", "Server")]
public sealed class SseAccessTests
{
    private const string TickerKey = "ticker-key-0123456789";
    private const string OtherKey = "other-key-0123456789";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Feeds:Access:0:Topics:0"] = "ticker/*",
        ["Feeds:Access:0:Keys:0"] = TickerKey,
        ["Feeds:Access:1:Topics:0"] = "test/b",
        ["Feeds:Access:1:Keys:0"] = OtherKey,
    };

    [Theory]
    [InlineData("ticker/ACME")]
    [InlineData("ticker/*")]
    [InlineData("ticker/GLOBX/deep")]
    public async Task Sse_ProtectedTopicWithoutKey_Returns401(string topic)
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        using var response = await client.GetAsync(server.SseUri(topic));

        await ProblemAssert.IsAsync(HttpStatusCode.Unauthorized, response);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Sse_PrefixOverAProtectedTopic_NeedsItsKey()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        using var withoutKey = await client.GetAsync(server.SseUri("test/*"));
        await using var withKey = await SseConnection.OpenAsync(client, new Uri(server.SseUri("test/*") + "&access_token=" + OtherKey));

        await ProblemAssert.IsAsync(HttpStatusCode.Unauthorized, withoutKey);
        var published = await server.PublishAsync("test/b");
        Assert.Equal(published.Id.ToString(), (await withKey.NextAsync()).EventId);
    }

    [Fact]
    public async Task Sse_ProtectedTopicWithAnotherRulesKey_Returns403()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.SseUri("ticker/ACME"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OtherKey);

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsAsync(HttpStatusCode.Forbidden, response);
    }

    [Fact]
    public async Task Sse_ProtectedTopicWithKeyInHeader_Streams()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("ticker/ACME"),
            configure: request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TickerKey));
        var published = await server.PublishAsync("ticker/ACME");

        Assert.Equal(published.Id.ToString(), (await stream.NextAsync()).EventId);
    }

    [Fact]
    public async Task Sse_UnprotectedTopic_NeedsNoKey()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock", "test/a"));
        var published = await server.PublishAsync("test/a");

        Assert.Equal(published.Id.ToString(), (await stream.NextAsync()).EventId);
    }

    [Fact]
    public async Task Poll_ProtectedTopic_SameRuleAsSse()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        var published = await server.PublishAsync("ticker/ACME");

        using var withoutKey = await client.GetAsync($"feeds/poll?topic=ticker/ACME&after={published.Id - 1}");
        using var withKey = await client.GetAsync($"feeds/poll?topic=ticker/ACME&after={published.Id - 1}&access_token={TickerKey}");

        await ProblemAssert.IsAsync(HttpStatusCode.Unauthorized, withoutKey);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }
}
