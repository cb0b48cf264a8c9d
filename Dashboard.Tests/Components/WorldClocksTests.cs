using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class WorldClocksTests : LiveComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Render_Backfilled_ShowsServerTimeInEachZone()
    {
        Options.WorldClocks.AddRange(["Asia/Tokyo", "America/New_York"]);
        PublishTick("2026-11-22T23:30:00+00:00");

        var cut = Render<WorldClocks>();

        var tokyo = cut.Find("[data-testid=world-clock][data-zone='Asia/Tokyo']");
        Assert.Equal("08:30:00", tokyo.QuerySelector(".time")!.TextContent);
        Assert.Contains("Tomorrow", tokyo.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tokyo", tokyo.TextContent, StringComparison.Ordinal);
        var newYork = cut.Find("[data-testid=world-clock][data-zone='America/New_York']");
        Assert.Equal("18:30:00", newYork.QuerySelector(".time")!.TextContent);
        Assert.Contains("New York", newYork.TextContent, StringComparison.Ordinal);
        Assert.Contains("Today", newYork.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoneConfigured_ShowsDefaults()
    {
        var cut = Render<WorldClocks>();

        Assert.Equal(
            Dashboard.Options.DashboardOptions.DefaultWorldClocks,
            cut.FindAll("[data-testid=world-clock]").Select(c => c.GetAttribute("data-zone") ?? "").ToArray());
    }

    [Fact]
    public void NewTick_UpdatesEveryZone()
    {
        Options.WorldClocks.Add("Europe/London");
        PublishTick("2026-11-22T12:00:00+00:00");
        var cut = Render<WorldClocks>();

        PublishTick("2026-11-22T12:00:01+00:00");

        cut.WaitForAssertion(() => Assert.Equal("12:00:01", cut.Find("[data-zone='Europe/London'] .time").TextContent), Wait);
    }

    private void PublishTick(string time)
    {
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        Publish(DashboardFeeds.Clock, ClockTick.Topic, ClockTick.EventType, new ClockTick(time, 0, "UTC"), at);
    }
}
