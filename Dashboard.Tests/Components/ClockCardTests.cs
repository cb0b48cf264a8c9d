using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class ClockCardTests : LiveComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Render_Backfilled_ShowsServerTimeInItsZone()
    {
        PublishTick("2026-11-22T09:15:30+01:00", "Europe/Berlin");

        var cut = Render<ClockCard>();

        Assert.Equal("09:15:30", cut.Find("[data-testid=clock-time]").TextContent.Trim());
        Assert.Contains("Europe/Berlin (UTC+01:00)", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Sunday 22 November 2026", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoTick_ShowsPlaceholder()
    {
        var cut = Render<ClockCard>();

        Assert.Equal("--:--:--", cut.Find("[data-testid=clock-time]").TextContent.Trim());
    }

    [Fact]
    public void NewTick_UpdatesTime()
    {
        PublishTick("2026-11-22T09:15:30+00:00");
        var cut = Render<ClockCard>();

        PublishTick("2026-11-22T09:15:31+00:00");

        cut.WaitForAssertion(() => Assert.Equal("09:15:31", cut.Find("[data-testid=clock-time]").TextContent.Trim()), Wait);
    }

    [Fact]
    public async Task Dispose_ThenNewTick_DoesNotRender()
    {
        PublishTick("2026-11-22T09:15:30+00:00");
        var cut = Render<ClockCard>();
        await DisposeComponentsAsync();
        var renders = cut.RenderCount;
        var witness = Render<ClockCard>();

        PublishTick("2026-11-22T09:15:31+00:00");

        witness.WaitForAssertion(() => Assert.Equal("09:15:31", witness.Find("[data-testid=clock-time]").TextContent.Trim()), Wait);
        await witness.InvokeAsync(() => { });
        Assert.Equal(renders, cut.RenderCount);
    }

    private void PublishTick(string time, string zone = "UTC")
    {
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        Publish(DashboardFeeds.Clock, ClockTick.Topic, ClockTick.EventType, new ClockTick(time, (int)at.Offset.TotalMinutes, zone), at);
    }
}
