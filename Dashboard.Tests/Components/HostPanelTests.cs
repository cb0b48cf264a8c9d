using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class HostPanelTests : WidgetTestContext
{
    [Fact]
    public void Render_FleetHostWithWindow_ShowsValuesColouredByThreshold()
    {
        PublishHost("web-1", cpu: 95, latencyP99: 100, incident: null);

        var cut = RenderHost("web-1");

        Assert.Equal("web-1", cut.Find("[data-testid=host-panel]").GetAttribute("data-host"));
        Assert.Equal("critical", Metric(cut, "cpu").GetAttribute("data-level"));
        Assert.Equal("ok", Metric(cut, "latencyP99Ms").GetAttribute("data-level"));
        Assert.Equal(2, cut.FindAll("[data-testid=live-chart]").Count);
        Assert.Empty(cut.FindAll("[data-testid=incident]"));
    }

    [Fact]
    public void NewEvent_WithIncident_UpdatesValuesAndShowsIncident()
    {
        PublishHost("web-1", cpu: 10, latencyP99: 100, incident: null);
        var cut = RenderHost("web-1");

        PublishHost("web-2", cpu: 99, latencyP99: 900, incident: "other host");
        PublishHost("web-1", cpu: 75, latencyP99: 900, incident: "disk full");

        cut.WaitForAssertion(() => Assert.Contains("disk full", cut.Find("[data-testid=incident]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("warning", Metric(cut, "cpu").GetAttribute("data-level"));
        Assert.Equal("critical", Metric(cut, "latencyP99Ms").GetAttribute("data-level"));
    }

    [Fact]
    public void Render_Self_ShowsProcessMetrics()
    {
        Publish(DashboardFeeds.Metrics, ProcessMetrics.Topic, ProcessMetrics.EventType,
            new ProcessMetrics("self", 12.5, 3, 200L * 1024 * 1024, 50L * 1024 * 1024, 10, 2, 1, 8, 0, 42, 3, 20, 0.5));

        var cut = RenderHost(HostPanel.Self);

        Assert.Contains("200", Metric(cut, "workingSetBytes").TextContent, StringComparison.Ordinal);
        Assert.Contains("8", Metric(cut, "threadPoolThreads").TextContent, StringComparison.Ordinal);
        Assert.Equal("ok", Metric(cut, "cpu").GetAttribute("data-level"));
        Assert.Equal(3, cut.FindAll("[data-testid=live-chart]").Count);
    }

    [Fact]
    public async Task Dispose_AfterRender_StopsUpdating()
    {
        PublishHost("web-1", cpu: 10, latencyP99: 100, incident: null);
        var first = RenderHost("web-1");

        await DisposeComponentsAsync();
        var updates = 0;
        first.OnMarkupUpdated += (_, _) => Interlocked.Increment(ref updates);
        PublishHost("web-1", cpu: 50, latencyP99: 100, incident: null);
        var second = RenderHost("web-1");
        PublishHost("web-1", cpu: 60, latencyP99: 100, incident: null);

        second.WaitForAssertion(() => Assert.Contains("60", Metric(second, "cpu").TextContent, StringComparison.Ordinal), Wait);
        Assert.True(first.IsDisposed);
        Assert.Equal(0, Volatile.Read(ref updates));
    }

    private static AngleSharp.Dom.IElement Metric(IRenderedComponent<HostPanel> cut, string metric) =>
        cut.Find($"[data-testid=metric-value][data-metric={metric}]");

    private IRenderedComponent<HostPanel> RenderHost(string host) => Render<HostPanel>(p => p.Add(c => c.Host, host));

    private void PublishHost(string host, double cpu, double latencyP99, string? incident) =>
        Publish(DashboardFeeds.Metrics, HostMetrics.TopicPrefix + host, HostMetrics.EventType,
            new HostMetrics(host, cpu, 40, 120, 20, latencyP99, 0.1, incident));
}
