using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class ConnectionBadgeTests : LiveComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Render_NoFeedOpen_SaysConnecting()
    {
        var cut = Render<ConnectionBadge>();

        var badge = cut.Find("[data-testid=connection-badge]");
        Assert.Equal("connecting", badge.GetAttribute("data-state"));
        Assert.Equal("Connecting", badge.TextContent.Trim());
        Assert.Equal("status", badge.GetAttribute("role"));
        Assert.Equal("polite", badge.GetAttribute("aria-live"));
    }

    [Fact]
    public void StateChanged_FeedGoesLive_SaysLive()
    {
        var cut = Render<ConnectionBadge>();

        Relay.Feed(DashboardFeeds.Clock);

        cut.WaitForAssertion(() =>
        {
            var badge = cut.Find("[data-testid=connection-badge]");
            Assert.Equal("live", badge.GetAttribute("data-state"));
            Assert.Equal("Live", badge.TextContent.Trim());
        }, Wait);
    }

    [Theory]
    [InlineData(FeedConnectionState.Reconnecting, "reconnecting", "Reconnecting")]
    [InlineData(FeedConnectionState.Offline, "offline", "Offline")]
    public void StateChanged_FeedDrops_SaysSo(FeedConnectionState state, string name, string text)
    {
        var feed = Relay.Feed(DashboardFeeds.Clock);
        var cut = Render<ConnectionBadge>();
        cut.WaitForAssertion(() => Assert.Equal("live", cut.Find("[data-testid=connection-badge]").GetAttribute("data-state")), Wait);

        feed.SetState(state);

        cut.WaitForAssertion(() =>
        {
            var badge = cut.Find("[data-testid=connection-badge]");
            Assert.Equal(name, badge.GetAttribute("data-state"));
            Assert.Equal(text, badge.TextContent.Trim());
        }, Wait);
    }

    [Fact]
    public async Task Dispose_ThenStateChanges_DoesNotRender()
    {
        var feed = Relay.Feed(DashboardFeeds.Clock);
        var cut = Render<ConnectionBadge>();
        cut.WaitForAssertion(() => Assert.Equal("live", cut.Find("[data-testid=connection-badge]").GetAttribute("data-state")), Wait);
        await DisposeComponentsAsync();
        var renders = cut.RenderCount;
        var raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Relay.StateChanged += () => raised.TrySetResult();

        feed.SetState(FeedConnectionState.Offline);
        await raised.Task.WaitAsync(Wait);

        // The renderer runs queued work in order: once this runs, a render the badge queued would have run.
        await cut.InvokeAsync(() => { });
        Assert.Equal(renders, cut.RenderCount);
    }
}
