using System.Net;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration;

/// <summary><c>Feeds:Cors:Origins</c>: pages on the listed origins may read the feeds; others are left to the browser's same-origin rule.</summary>
[Trait("Tier", "Server")]
public sealed class FeedsCorsTests
{
    private const string Allowed = "https://wall.example.com";

    private static readonly Dictionary<string, string?> Settings = new() { ["Feeds:Cors:Origins:0"] = Allowed };

    [Fact]
    public async Task Sse_FromAllowedOrigin_SaysSoInTheHeaders()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"),
            configure: request => request.Headers.Add("Origin", Allowed));

        Assert.Equal([Allowed], stream.Response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://wall.example.com")]
    public async Task Sse_FromOtherOrigin_GetsNoCorsHeaders(string origin)
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"),
            configure: request => request.Headers.Add("Origin", origin));

        Assert.False(stream.Response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Sse_NoOriginsConfigured_AllowsNoOtherOrigin()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("clock"),
            configure: request => request.Headers.Add("Origin", Allowed));

        Assert.False(stream.Response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Publish_PreflightFromAllowedOrigin_AllowsPostWithAuthorization()
    {
        await using var server = await FeedsServer.StartAsync(Settings);
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "feeds/publish/alerts");
        preflight.Headers.Add("Origin", Allowed);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([Allowed], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("authorization", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }
}
