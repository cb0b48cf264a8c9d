using System.Net;
using Dashboard.Tests.Shared;
using Feeds.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Tests.Client;

[Trait("Tier", "Server")]
public sealed class FeedClientErrorTests
{
    [Theory]
    [InlineData("feeds/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("feeds/sse?topic=bad%20topic", HttpStatusCode.BadRequest)]
    public async Task StreamAsync_ClientErrorStatus_ThrowsWithTheStatusAndDoesNotRetry(string path, HttpStatusCode status)
    {
        await using var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(), time);

        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(new Uri(server.BaseAddress, path), null, onState, ct));
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => probe.Completion.WaitAsync(FeedProbe<FeedMessage>.Patience));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(0, time.TimersCreated);
        Assert.Equal([FeedConnectionState.Connecting], probe.States);
    }

    [Fact]
    public async Task StreamAsync_SuccessButNotAnEventStream_Throws()
    {
        await using var server = await FeedsServer.StartAsync(configureApp: app =>
            app.MapGet("/page", () => TypedResults.Content("<html></html>", "text/html")));
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(), time);

        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(new Uri(server.BaseAddress, "page"), null, onState, ct));
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => probe.Completion.WaitAsync(FeedProbe<FeedMessage>.Patience));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(0, time.TimersCreated);
    }

    [Fact]
    public async Task StreamAsync_ServiceUnavailable_RetriesNoSoonerThanRetryAfter()
    {
        var calls = 0;
        await using var server = await FeedsServer.StartAsync(configureApp: app => app.MapGet("/flaky", async (HttpContext context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "2";
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("id: 1\ndata: {\"topic\":\"t\",\"ts\":1}\n\n");
        }));
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(new FeedClientOptions { InitialRetry = TimeSpan.FromMilliseconds(100) }), time);

        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(new Uri(server.BaseAddress, "flaky"), null, onState, ct));
        var wait = await time.NextTimerAsync();
        wait.Fire();
        var message = await probe.NextAsync();

        Assert.InRange(wait.DueTime, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        Assert.Equal(1, message.Id);
        // The endpoint ends its response after one event, so a further Reconnecting may follow.
        Assert.Equal([FeedConnectionState.Connecting, FeedConnectionState.Reconnecting, FeedConnectionState.Live], probe.States.Take(3));
    }

    [Fact]
    public async Task StreamAsync_MalformedEvents_SkipsThemAndYieldsTheRest()
    {
        const string Wire =
            "retry: 100\n\n" +
            "data: {\"topic\":\"t\",\"ts\":1}\n\n" +
            "id: 1\ndata: not json\n\n" +
            "id: 2\ndata: [1,2]\n\n" +
            "id: abc\ndata: {\"topic\":\"t\",\"ts\":1}\n\n" +
            "id: 3\nevent: quote\ndata: {\"topic\":\"t\",\r\ndata: \"ts\":5}\r\n\r\n";
        await using var server = await FeedsServer.StartAsync(configureApp: app => app.MapGet("/raw", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(Wire);
        }));
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(), time);

        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(new Uri(server.BaseAddress, "raw"), null, onState, ct));
        var message = await probe.NextAsync();
        var wait = await time.NextTimerAsync();

        Assert.Equal((3L, "t", "quote", 5L), (message.Id, message.Topic, message.Type, message.Ts));
        Assert.InRange(wait.DueTime, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task StreamAsync_NoContent_EndsTheStream()
    {
        await using var server = await FeedsServer.StartAsync(configureApp: app => app.MapGet("/stop", () => TypedResults.NoContent()));
        using var http = server.CreateClient();
        var client = new FeedClient(http);

        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(new Uri(server.BaseAddress, "stop"), null, onState, ct));

        await probe.Completion.WaitAsync(FeedProbe<FeedMessage>.Patience);
    }
}
