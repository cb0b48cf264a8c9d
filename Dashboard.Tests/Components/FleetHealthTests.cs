using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class FleetHealthTests : LiveComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Render_Backfilled_TilePerHostSelfLast()
    {
        PublishHost("web-1");
        PublishHost("self");
        PublishHost("api-1");

        var cut = Render<FleetHealth>();

        var hosts = cut.FindAll("[data-testid=health-tile]").Select(t => t.GetAttribute("data-host") ?? "").ToArray();
        Assert.Equal(["api-1", "web-1", "self"], hosts);
    }

    [Fact]
    public void NewEvent_FromNewHost_AddsTile()
    {
        PublishHost("web-1");
        var cut = Render<FleetHealth>();

        PublishHost("db-1");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=health-tile]").Count), Wait);
        Assert.Equal("db-1", cut.FindAll("[data-testid=health-tile]")[0].GetAttribute("data-host"));
    }

    private void PublishHost(string host) =>
        Publish(DashboardFeeds.Metrics, HostMetrics.TopicPrefix + host, HostMetrics.EventType,
            new HostMetrics(host, 10, 20, 100, 20, 60, 0.1, null));
}
