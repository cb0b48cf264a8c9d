using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class ClockComparisonTests : LiveComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Render_Backfilled_ShowsServerTimeWithItsTs()
    {
        var tick = PublishTick("2026-11-22T09:15:30+01:00");

        var cut = Render<ClockComparison>();

        var server = cut.Find("[data-testid=server-time]");
        Assert.Equal("09:15:30", server.TextContent);
        Assert.Equal(tick.Ts.ToString(System.Globalization.CultureInfo.InvariantCulture), server.GetAttribute("data-ts"));
    }

    [Fact]
    public void Render_Interactive_StartsTheBrowserSide()
    {
        var cut = Render<ClockComparison>();

        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "import" && Equals(i.Arguments[0], "./js/clock.js")), Wait);

        // Blazor never renders inside what the module fills, so its text is not overwritten.
        Assert.Empty(cut.Find("[data-testid=browser-time]").ChildNodes);
        Assert.Empty(cut.Find("[data-testid=skew]").ChildNodes);
        Assert.Empty(cut.Find("[data-testid=latency]").ChildNodes);
    }

    [Fact]
    public void NewTick_UpdatesServerTime()
    {
        PublishTick("2026-11-22T09:15:30+00:00");
        var cut = Render<ClockComparison>();

        PublishTick("2026-11-22T09:15:31+00:00");

        cut.WaitForAssertion(() => Assert.Equal("09:15:31", cut.Find("[data-testid=server-time]").TextContent), Wait);
    }

    [Fact]
    public void ServerNow_IsTheServersUnixTime()
    {
        var cut = Render<ClockComparison>();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var now = cut.Instance.ServerNow();

        Assert.InRange(now, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    private FeedMessage PublishTick(string time)
    {
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        return Publish(DashboardFeeds.Clock, ClockTick.Topic, ClockTick.EventType, new ClockTick(time, (int)at.Offset.TotalMinutes, "UTC"), at);
    }
}
