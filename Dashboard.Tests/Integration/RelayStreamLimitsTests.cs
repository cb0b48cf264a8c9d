using System.Net;
using Dashboard.Relay;
using Dashboard.Tests.Shared;
using Feeds.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>The dashboard's own relay reads its in-process feeds over loopback, outside the stream limits every client is held to.</summary>
[Trait("Tier", "Server")]
public sealed class RelayStreamLimitsTests
{
    [Fact]
    public async Task Relay_ClientOnLoopbackHoldsAllItsStreamPermits_NewFeedStillGoesLive()
    {
        await using var dashboard = new DashboardServer();
        dashboard.Arguments.Add("--Feeds:Sse:MaxStreamsPerClient=3");
        await dashboard.InitializeAsync();
        using var attacker = new HttpClient { BaseAddress = dashboard.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var held = new List<HttpResponseMessage>();
        try
        {
            // The attacker connects from 127.0.0.1, as the relay does, and takes every stream that address may open.
            HttpStatusCode last;
            do
            {
                var response = await attacker.GetAsync("feeds/sse?topic=clock", HttpCompletionOption.ResponseHeadersRead);
                held.Add(response);
                last = response.StatusCode;
            }
            while (last == HttpStatusCode.OK && held.Count < 20);
            Assert.Equal(HttpStatusCode.TooManyRequests, last);

            var feed = dashboard.Services.GetRequiredService<FeedRelay>().Feed("metrics/self");
            var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var subscription = feed.Subscribe(new LiveSignal(live), out _);
            if (feed.State == FeedConnectionState.Live)
            {
                live.TrySetResult();
            }

            await live.Task.WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Equal(FeedConnectionState.Live, feed.State);
        }
        finally
        {
            held.ForEach(response => response.Dispose());
        }
    }

    private sealed class LiveSignal(TaskCompletionSource live) : IRelayListener
    {
        public void OnMessage(FeedMessage message)
        {
        }

        public void OnReset()
        {
        }

        public void OnStateChanged(FeedConnectionState state)
        {
            if (state == FeedConnectionState.Live)
            {
                live.TrySetResult();
            }
        }
    }
}
