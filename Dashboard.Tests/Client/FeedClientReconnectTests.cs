using Dashboard.Tests.Shared;
using Feeds.Client;
using Feeds.Hub;

namespace Dashboard.Tests.Client;

[Trait("Tier", "Server")]
public sealed class FeedClientReconnectTests
{
    [Fact]
    public async Task StreamAsync_ServerDropsStream_ResumesWithLastEventIdWithoutLossOrDuplicates()
    {
        await using var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(), time);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("test/*"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);
        var published = new List<FeedEvent>();
        for (var i = 0; i < 3; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        var received = await probe.TakeAsync(3);

        server.AbortStreams();
        await probe.WaitForStateAsync(FeedConnectionState.Reconnecting);
        var wait = await time.NextTimerAsync();

        // The client is between connections: it can only get these from the server's history.
        for (var i = 0; i < 3; i++)
        {
            published.Add(await server.PublishAsync(i % 2 == 0 ? "test/b" : "test/a"));
        }

        wait.Fire();
        await probe.WaitForStateAsync(FeedConnectionState.Live);
        received.AddRange(await probe.TakeAsync(3));
        published.Add(await server.PublishAsync("test/a"));
        received.Add(await probe.NextAsync());

        Assert.Equal(published.Select(e => e.Id), received.Select(m => m.Id));
        Assert.Equal([null, published[2].Id.ToString()], server.LastEventIdHeaders);
    }

    [Fact]
    public async Task StreamAsync_ServerSendsShortRetry_WaitsThatLongNotTheInitialRetry()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:RetryMs"] = "250" });
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(new FeedClientOptions { InitialRetry = TimeSpan.FromSeconds(10) }), time);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("clock"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        server.AbortStreams();
        var wait = await time.NextTimerAsync();

        // The retry, plus up to half again as jitter.
        Assert.InRange(wait.DueTime, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(375));
    }

    [Fact]
    public async Task StreamAsync_ServerDropsStream_ReportsConnectingLiveReconnectingLive()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:RetryMs"] = "100" });
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("clock"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        server.AbortStreams();
        await probe.WaitForStateAsync(FeedConnectionState.Reconnecting);
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        Assert.Equal(
            [FeedConnectionState.Connecting, FeedConnectionState.Live, FeedConnectionState.Reconnecting, FeedConnectionState.Live],
            probe.States);
    }

    [Fact]
    public async Task StreamAsync_ServerDownForSeveralAttempts_BacksOffGoesOfflineAndRecovers()
    {
        // No shutdown jitter: the stop's retry: is then exactly RetryMs, the base the backoff doubles.
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:Sse:RetryMs"] = "1000",
            ["Feeds:Sse:ShutdownRetryJitterMs"] = "0",
        });
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(new FeedClientOptions { OfflineAfterFailures = 3, MaxRetry = TimeSpan.FromSeconds(30) }), time);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("clock"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        await server.StopAsync();
        var waits = new List<ManualTimer>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            waits.Add(await time.NextTimerAsync());
            if (attempt < 3)
            {
                // Nothing listens on the port: the attempt is refused at once.
                waits[^1].Fire();
            }
        }

        await server.RestartAsync();
        waits[^1].Fire();
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        // 1 s after the drop, then doubling per failed attempt, each with up to half again as jitter.
        Assert.All(waits.Select((w, i) => (w.DueTime, Base: TimeSpan.FromSeconds(1 << i))), pair =>
            Assert.InRange(pair.DueTime, pair.Base, pair.Base * 1.5));
        Assert.Equal(
            [FeedConnectionState.Connecting, FeedConnectionState.Live, FeedConnectionState.Reconnecting, FeedConnectionState.Offline, FeedConnectionState.Live],
            probe.States);
    }

    [Fact]
    public async Task StreamAsync_CancelledWhileWaitingToReconnect_ThrowsOperationCanceled()
    {
        var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(), time);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("clock"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);
        await server.DisposeAsync();
        await time.NextTimerAsync();

        probe.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.Completion.WaitAsync(FeedProbe<FeedMessage>.Patience));
    }

    [Fact]
    public async Task StreamAsync_StreamSilentPastIdleTimeout_TakesItForDeadAndReconnects()
    {
        // No events and no heartbeat within the client's patience: like a network that dropped
        // without closing the connection.
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:HeartbeatSeconds"] = "3600", ["Feeds:Sse:RetryMs"] = "100" });
        using var http = server.CreateClient();
        var client = new FeedClient(http, new FeedClientOptions { IdleTimeout = TimeSpan.FromMilliseconds(500) });
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("test/a"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        await probe.WaitForStateAsync(FeedConnectionState.Reconnecting);
        await probe.WaitForStateAsync(FeedConnectionState.Live);
        var published = await server.PublishAsync("test/a");

        Assert.Equal(published.Id, (await probe.NextAsync()).Id);
        Assert.True(server.LastEventIdHeaders.Count >= 2);
    }

    [Fact]
    public async Task StreamAsync_QuietStreamWithHeartbeats_StaysConnected()
    {
        // The idle timeout runs on the test's clock, so a busy machine cannot make it fire: what is
        // shown is that every heartbeat re-arms it. Each read of the body arms a timeout, and the
        // heartbeat that ends the read lets it go unfired before the next read arms a new one.
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:HeartbeatSeconds"] = "1" });
        using var http = server.CreateClient();
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, new FeedClientOptions { IdleTimeout = TimeSpan.FromSeconds(1.5) }, time);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("test/a"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        // The preamble ends the first read; at least four more reads are ended by heartbeats alone.
        var idle = await time.NextTimerAsync();
        for (var read = 0; read < 5; read++)
        {
            var next = await time.NextTimerAsync();
            Assert.True(idle.IsDisposed, "A read ended without letting its idle timeout go.");
            Assert.Equal(TimeSpan.FromSeconds(1.5), next.DueTime);
            idle = next;
        }

        var published = await server.PublishAsync("test/a");

        Assert.Equal(published.Id, (await probe.NextAsync()).Id);
        Assert.DoesNotContain(FeedConnectionState.Reconnecting, probe.States);
    }

    [Fact]
    public async Task StreamAsync_DroppedBeforeAnyEvent_ResumesFromTheStreamsStartAndGetsWhatWasPublishedMeanwhile()
    {
        // The flaky run's case: the first stream died (there, a busy machine's idle timeout) having
        // delivered nothing but its preamble, and an event was published before the next one opened.
        await using var server = await FeedsServer.StartAsync();
        var before = await server.PublishAsync("test/a");
        using var http = new HttpClient(new CutFirstResponseHandler(CutFirstResponseHandler.AfterFirstBlock)) { BaseAddress = server.BaseAddress };
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(), time);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("test/a"), null, onState, ct));

        var wait = await time.NextTimerAsync();
        var missed = await server.PublishAsync("test/a");
        wait.Fire();

        Assert.Equal(missed.Id, (await probe.NextAsync()).Id);
        Assert.Equal([null, before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], server.LastEventIdHeaders);
        Assert.Equal(
            [FeedConnectionState.Connecting, FeedConnectionState.Live, FeedConnectionState.Reconnecting, FeedConnectionState.Live],
            probe.States);
    }

    [Fact]
    public async Task StreamAsync_DroppedInsideAnEventAfterItsId_ResumesBeforeThatEventAndGetsIt()
    {
        // An id: line counts only once its block is complete: taken from a cut-off event, it would
        // make the client resume past the very event it never got.
        await using var server = await FeedsServer.StartAsync();
        var before = await server.PublishAsync("test/a");
        using var http = new HttpClient(new CutFirstResponseHandler(CutFirstResponseHandler.InsideSecondBlock)) { BaseAddress = server.BaseAddress };
        var time = new ManualTimeProvider();
        var client = new FeedClient(http, ManualTimeProvider.BackoffOnly(), time);
        await using var probe = FeedProbe<FeedMessage>.Start((onState, ct) => client.StreamAsync(server.SseUri("test/a"), null, onState, ct));
        await probe.WaitForStateAsync(FeedConnectionState.Live);

        var cut = await server.PublishAsync("test/a");
        var wait = await time.NextTimerAsync();
        wait.Fire();

        Assert.Equal(cut.Id, (await probe.NextAsync()).Id);
        Assert.Equal([null, before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], server.LastEventIdHeaders);
    }
}
