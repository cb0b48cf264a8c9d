using System.Text.Json;
using Dashboard.Demos;
using Feeds.Hub;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Demos;

[Trait("Tier", "Unit")]
public sealed class DemoSessionsTests
{
    private static DemoSessions Create(TestHub hub, FakeTimeProvider time, int seconds = 10, int max = 1000) =>
        new(hub.Hub, hub.Catalog, Microsoft.Extensions.Options.Options.Create(new DemosOptions { SessionSeconds = seconds, MaxSessions = max }), time, NullLogger<DemoSessions>.Instance);

    [Fact]
    public async Task SignIn_Then_TopicDeclaredAndActiveEventWithRemainingTime()
    {
        var time = new FakeTimeProvider();
        using var hub = HubFactory.Create(time: time);
        using var sessions = Create(hub, time);

        var session = await sessions.SignInAsync(" ann ");

        Assert.NotNull(session);
        Assert.Equal("ann", session.User);
        Assert.Matches("^session/[0-9a-f]{24}$", session.Topic);
        Assert.True(hub.Catalog.Covers(TopicPattern.Parse(session.Topic)));
        var history = await hub.Hub.ReadHistoryAsync(TopicFilter.Parse(session.Topic), 0);
        var active = Assert.Single(history.Events);
        Assert.Equal(session.SignedInEventId, active.Id);
        using var data = JsonDocument.Parse(active.Data);
        Assert.Equal("active", data.RootElement.GetProperty("state").GetString());
        Assert.Equal(10_000, data.RootElement.GetProperty("remainingMs").GetInt64());
    }

    [Fact]
    public async Task SessionTimer_Fires_ExpiredEventPublishedAndSessionGone()
    {
        var time = new FakeTimeProvider();
        using var hub = HubFactory.Create(time: time);
        using var sessions = Create(hub, time);
        var session = await sessions.SignInAsync("ann");
        Assert.NotNull(session);
        using var subscription = await hub.Hub.SubscribeAsync(TopicFilter.Parse(session.Topic));

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(subscription.Reader.TryRead(out _));
        time.Advance(TimeSpan.FromSeconds(1));

        var expired = await subscription.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        using var data = JsonDocument.Parse(expired.Data);
        Assert.Equal("expired", data.RootElement.GetProperty("state").GetString());
        Assert.Equal(0, sessions.Count);
    }

    [Fact]
    public async Task SignIn_AtMaxSessions_Refused()
    {
        var time = new FakeTimeProvider();
        using var hub = HubFactory.Create(time: time);
        using var sessions = Create(hub, time, max: 1);

        Assert.NotNull(await sessions.SignInAsync("ann"));
        Assert.Null(await sessions.SignInAsync("bob"));
    }
}
