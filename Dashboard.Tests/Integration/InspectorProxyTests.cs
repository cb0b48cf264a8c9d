using System.Net;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration;

/// <summary><c>/inspector/proxy</c>: relays allow-listed outside streams, and nothing else.</summary>
public sealed class InspectorProxyTests
{
    [Fact]
    public async Task Proxy_AllowedStream_RelaysItsBytesAsTheyCome()
    {
        await using var outside = await FeedsServer.StartAsync();
        var dashboard = new DashboardServer();
        dashboard.Arguments.Add($"--Dashboard:Inspector:AllowedUrls:0={outside.BaseAddress}feeds/");
        await dashboard.InitializeAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var url = Uri.EscapeDataString($"{outside.BaseAddress}feeds/sse?topic=test/a");
            await using var stream = await SseConnection.OpenAsync(client, new Uri(dashboard.BaseAddress, $"inspector/proxy?url={url}"));
            await Poll.UntilAsync(() => Task.FromResult(outside.Hub.SubscriberCount == 1), SseConnection.Patience, "the proxy is subscribed upstream");

            var published = await outside.PublishAsync("test/a");
            var item = await stream.NextAsync();

            Assert.Equal(published.Id.ToString(), item.EventId);
            Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await dashboard.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("http://example.com/feeds/sse?topic=clock")]
    [InlineData("http://127.0.0.1:1/anything")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public async Task Proxy_UrlNotAllowed_Returns403WithoutConnecting(string url)
    {
        var dashboard = new DashboardServer();
        dashboard.Arguments.Add("--Dashboard:Inspector:AllowedUrls:0=https://feeds.example.com/events");
        await dashboard.InitializeAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = dashboard.BaseAddress };

            using var response = await client.GetAsync($"inspector/proxy?url={Uri.EscapeDataString(url)}");

            await ProblemAssert.IsAsync(HttpStatusCode.Forbidden, response);
        }
        finally
        {
            await dashboard.DisposeAsync();
        }
    }
}
