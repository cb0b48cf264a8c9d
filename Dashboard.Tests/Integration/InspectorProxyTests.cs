using System.Diagnostics;
using System.Net;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration;

/// <summary><c>/inspector/proxy</c>: relays allow-listed outside streams, and nothing else, within its caps and timeouts.</summary>
[Trait("Tier", "Server")]
public sealed class InspectorProxyTests
{
    [Fact]
    public async Task Proxy_AllowedStream_RelaysItsBytesAsTheyCome()
    {
        await using var outside = await FeedsServer.StartAsync();
        await using var dashboard = await StartDashboardAsync($"--Dashboard:Inspector:AllowedUrls:0={outside.BaseAddress}feeds/");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await using var stream = await SseConnection.OpenAsync(client, ProxyUri(dashboard, $"{outside.BaseAddress}feeds/sse?topic=test/a"));
        await Poll.UntilAsync(() => Task.FromResult(outside.Hub.SubscriberCount == 1), SseConnection.Patience, "the proxy is subscribed upstream");

        var published = await outside.PublishAsync("test/a");
        var item = await stream.NextAsync();

        Assert.Equal(published.Id.ToString(), item.EventId);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("http://example.com/feeds/sse?topic=clock")]
    [InlineData("http://127.0.0.1:1/anything")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public async Task Proxy_UrlNotAllowed_Returns403WithoutConnecting(string url)
    {
        await using var dashboard = await StartDashboardAsync("--Dashboard:Inspector:AllowedUrls:0=https://feeds.example.com/events");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress };

        using var response = await client.GetAsync($"inspector/proxy?url={Uri.EscapeDataString(url)}");

        await ProblemAssert.IsAsync(HttpStatusCode.Forbidden, response);
    }

    [Theory]
    [InlineData("events/../secret")]
    [InlineData("events/%2e%2e/secret")]
    [InlineData("events/%2E%2E/secret")]
    [InlineData("events/.%2e/secret")]
    [InlineData("events/./../secret")]
    [InlineData("events/stream/../../secret")]
    [InlineData("events%2f..%2fsecret")]
    [InlineData("events/..%2fsecret")]
    [InlineData("events/..\\secret")]
    [InlineData("eventsX/../secret")]
    [InlineData("secret#/events/")]
    public async Task Proxy_PathEscapesTheAllowedPrefix_Returns403AndNeverReachesTheUpstream(string path)
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync($"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.GetAsync(ProxyUri(dashboard, $"{canary.BaseAddress}{path}"));

        await ProblemAssert.IsAsync(HttpStatusCode.Forbidden, response);
        Assert.Empty(canary.Paths);
    }

    [Theory]
    [InlineData("http://user@127.0.0.1:{0}/events/stream")]
    [InlineData("http://127.0.0.1:{0}@127.0.0.1:{0}/events/stream")]
    [InlineData("http://localhost:{0}/events/stream")]
    [InlineData("https://127.0.0.1:{0}/events/stream")]
    public async Task Proxy_OtherAuthorityThanTheAllowedOne_Returns403AndNeverReachesTheUpstream(string format)
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync($"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.GetAsync(ProxyUri(dashboard, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, canary.BaseAddress.Port)));

        await ProblemAssert.IsAsync(HttpStatusCode.Forbidden, response);
        Assert.Empty(canary.Paths);
    }

    [Fact]
    public async Task Proxy_EquivalentSpellingOfAnAllowedUrl_SendsTheNormalisedPath()
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync($"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var spelled = $"HTTP://127.0.0.1:{canary.BaseAddress.Port}/events/./%73tream/../stream";

        await using var stream = await SseConnection.OpenAsync(client, ProxyUri(dashboard, spelled));
        var item = await stream.NextAsync();

        Assert.Equal("canary", item.Data);
        Assert.Equal(["/events/stream"], canary.Paths);
    }

    [Fact]
    public async Task Proxy_UpstreamAnswersHtml_Returns502NamingTheTypeWithoutTheBody()
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync($"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.GetAsync(ProxyUri(dashboard, $"{canary.BaseAddress}events/page"));

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.BadGateway, response);
        Assert.Contains("text/html", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("canary()", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task Proxy_UpstreamAnswers404_Returns502WithoutTheBody()
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync($"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.GetAsync(ProxyUri(dashboard, $"{canary.BaseAddress}events/missing"));

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.BadGateway, response);
        Assert.Contains("404", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryServer.MissingBody, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_RelayedStream_IsMarkedNosniff()
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync($"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        await using var stream = await SseConnection.OpenAsync(client, ProxyUri(dashboard, $"{canary.BaseAddress}events/stream"));

        Assert.Equal(["nosniff"], stream.Response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Proxy_UpstreamNeverAnswers_Returns504WithinTheTimeout()
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync(
            $"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/",
            "--Dashboard:Inspector:ConnectTimeoutSeconds=1",
            "--Dashboard:Inspector:FirstByteTimeoutSeconds=1");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync(ProxyUri(dashboard, $"{canary.BaseAddress}events/silent"));

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.GatewayTimeout, response);
        Assert.Contains("Dashboard:Inspector:FirstByteTimeoutSeconds", detail, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Proxy_OneStreamMoreThanThePerClientCap_Returns429WithRetryAfter()
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync(
            $"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/",
            "--Dashboard:Inspector:MaxStreamsPerClient=2",
            "--Dashboard:Inspector:MaxStreams=10");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var url = ProxyUri(dashboard, $"{canary.BaseAddress}events/stream");
        await using var first = await SseConnection.OpenAsync(client, url);
        await using var second = await SseConnection.OpenAsync(client, url);

        using var third = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.TooManyRequests, third);
        Assert.Contains("Dashboard:Inspector:MaxStreamsPerClient", detail, StringComparison.Ordinal);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Proxy_OneStreamMoreThanTheServerCap_Returns503WithRetryAfter()
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync(
            $"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/",
            "--Dashboard:Inspector:MaxStreamsPerClient=10",
            "--Dashboard:Inspector:MaxStreams=2");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var url = ProxyUri(dashboard, $"{canary.BaseAddress}events/stream");
        await using var first = await SseConnection.OpenAsync(client, url);
        await using var second = await SseConnection.OpenAsync(client, url);

        using var third = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);

        var detail = await ProblemAssert.IsAsync(HttpStatusCode.ServiceUnavailable, third);
        Assert.Contains("Dashboard:Inspector:MaxStreams", detail, StringComparison.Ordinal);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Proxy_StreamClosedByTheInspector_FreesItsPermit()
    {
        await using var canary = await CanaryServer.StartAsync();
        await using var dashboard = await StartDashboardAsync(
            $"--Dashboard:Inspector:AllowedUrls:0={canary.BaseAddress}events/",
            "--Dashboard:Inspector:MaxStreamsPerClient=1");
        using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var url = ProxyUri(dashboard, $"{canary.BaseAddress}events/stream");
        var first = await SseConnection.OpenAsync(client, url);

        await first.DisposeAsync();

        await Poll.UntilAsync(async () =>
        {
            using var again = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            return again.StatusCode == HttpStatusCode.OK;
        }, SseConnection.Patience, "a new stream is accepted once the first has closed");
    }

    private static Uri ProxyUri(DashboardServer dashboard, string url) =>
        new(dashboard.BaseAddress, $"inspector/proxy?url={Uri.EscapeDataString(url)}");

    private static async Task<DashboardServer> StartDashboardAsync(params string[] arguments)
    {
        var dashboard = new DashboardServer();
        foreach (var argument in arguments)
        {
            dashboard.Arguments.Add(argument);
        }

        await dashboard.InitializeAsync();
        return dashboard;
    }
}
