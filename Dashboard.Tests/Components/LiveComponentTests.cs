using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class LiveComponentTests : LiveComponentContext
{
    [Fact]
    public void Render_BurstOfEvents_AppliesAllInFewRenders()
    {
        var cut = Render<CountingComponent>();
        var rendersBefore = cut.Instance.Renders;

        for (var i = 0; i < 500; i++)
        {
            Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = i });
        }

        cut.WaitForAssertion(() => Assert.Equal("500", cut.Markup), TimeSpan.FromSeconds(5));

        // 500 events arrive within a few render intervals; one render per event would be 500.
        Assert.InRange(cut.Instance.Renders - rendersBefore, 1, 20);
    }

    [Fact]
    public void Render_WindowFilledBeforehand_StartsFromBackfill()
    {
        Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = 1 });
        Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = 2 });

        var cut = Render<CountingComponent>();

        Assert.Equal("2", cut.Markup);
        Assert.Equal(2, cut.Instance.Backfilled);
    }

    [Fact]
    public async Task Dispose_ThenEvents_NoLongerApplied()
    {
        var feed = Relay.Feed(DashboardFeeds.Ticker);
        var listenersBefore = feed.ListenerCount;
        var cut = Render<CountingComponent>();
        var sibling = Render<CountingComponent>();
        Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = 1 });
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Markup), TimeSpan.FromSeconds(5));
        var component = cut.Instance;

        await component.DisposeAsync();
        Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = 2 });
        Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = 3 });

        // The sibling on the same interval has flushed both events, so the disposed one had its chance too.
        sibling.WaitForAssertion(() => Assert.Equal("3", sibling.Markup), TimeSpan.FromSeconds(5));
        Assert.Equal(1, component.Applied);
        // Only the sibling still listens: a listener left on the process-wide feed would be handed every event for as long as the process runs.
        Assert.Equal(listenersBefore + 1, feed.ListenerCount);
    }

    [Fact]
    public void Reset_FeedUpstreamLostHistory_ClearsAndRefills()
    {
        Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = 1 });
        var cut = Render<CountingComponent>();

        Relay.Feed(DashboardFeeds.Ticker).Reset();
        Publish(DashboardFeeds.Ticker, "ticker/ACME", "quote", new { last = 7 });

        cut.WaitForAssertion(() => Assert.Equal(1, cut.Instance.Resets), TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Markup), TimeSpan.FromSeconds(5));
    }
}
