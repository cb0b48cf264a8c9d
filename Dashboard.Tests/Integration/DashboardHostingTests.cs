using System.Net;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>The executable as the README starts it: feeds in-process, read back by the relay over HTTP.</summary>
[Trait("Tier", "Server")]
public sealed class DashboardHostingTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData("/")]
    [InlineData("/monitoring")]
    [InlineData("/ticker")]
    [InlineData("/clock")]
    public async Task Get_Page_ServesPrerenderedHtml(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("_framework/blazor.web.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ws_Clock_TwoJsonMessagesWithTsWithin3500Ms()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var socket = await WebSocketConnection.OpenAsync(server.BaseAddress, "feeds/ws?topic=clock");

        var messages = await socket.TakeAsync(2);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3.5), $"Two clock messages took {watch.Elapsed}.");
        Assert.All(messages, m =>
        {
            Assert.Equal("clock", m.GetProperty("topic").GetString());
            Assert.True(m.GetProperty("data").GetProperty("ts").GetInt64() > 0);
        });
    }

    [Fact]
    public async Task Poll_Clock_ReturnsJsonWithAnEvent()
    {
        using var response = await _http.GetAsync("/feeds/poll?topic=clock");
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var first = body.RootElement.GetProperty("events").EnumerateArray().First();
        Assert.Equal("clock", first.GetProperty("topic").GetString());
        Assert.True(first.GetProperty("data").GetProperty("ts").GetInt64() > 0);
    }

    [Fact]
    public async Task Get_Page_SendsSecurityHeaders()
    {
        var response = await _http.GetAsync("/monitoring");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["strict-origin-when-cross-origin"], response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task Relay_FeedsProtectedByAccessRule_GoesLiveWithTheConfiguredKey()
    {
        const string key = "dashboard-key-0123456789";
        var protectedServer = new DashboardServer();
        protectedServer.Arguments.Add("--Feeds:Access:0:Topics:0=clock");
        protectedServer.Arguments.Add($"--Feeds:Access:0:Keys:0={key}");
        protectedServer.Arguments.Add($"--Dashboard:FeedsKey={key}");
        await protectedServer.InitializeAsync();
        try
        {
            using var anonymous = new HttpClient { BaseAddress = protectedServer.BaseAddress };
            using var refused = await anonymous.GetAsync("/feeds/sse?topic=clock");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

            var feed = protectedServer.Services.GetRequiredService<FeedRelay>().Feed(DashboardFeeds.Clock);
            var arrived = new TaskCompletionSource<FeedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var subscription = feed.Subscribe(new FirstMessage(arrived), out _);

            var message = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("clock", message.Topic);
        }
        finally
        {
            await protectedServer.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/lib/uplot/uPlot.iife.min.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task Get_BrowserAsset_IsServed(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownPage_Is404()
    {
        var response = await _http.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Relay_InProcessFeeds_GoesLiveAndFillsItsWindow()
    {
        var relay = server.Services.GetRequiredService<FeedRelay>();
        var feed = relay.Feed(DashboardFeeds.Clock);
        var arrived = new TaskCompletionSource<FeedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(new FirstMessage(arrived), out _);

        var message = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("clock", message.Topic);
        Assert.Equal(FeedConnectionState.Live, feed.State);
        Assert.NotEmpty(feed.Snapshot().Window("clock"));
    }

    private sealed class FirstMessage(TaskCompletionSource<FeedMessage> arrived) : IRelayListener
    {
        public void OnMessage(FeedMessage message) => arrived.TrySetResult(message);

        public void OnReset()
        {
        }

        public void OnStateChanged(FeedConnectionState state)
        {
        }
    }
}
