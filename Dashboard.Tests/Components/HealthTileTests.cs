using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class HealthTileTests : LiveComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Render_Backfilled_ShowsValuesAndWorstLevel()
    {
        PublishHost("web-1", cpu: 95, memory: 40, p99: 120, errors: 0.2, incident: "CPU saturated");

        var cut = RenderTile("web-1");

        var tile = cut.Find("[data-testid=health-tile]");
        Assert.Equal("web-1", tile.GetAttribute("data-host"));
        Assert.Equal("critical", tile.GetAttribute("data-level"));
        // Shape for the eye, word for everyone: the icon is a hidden SVG, so the text is the word alone.
        Assert.Equal("Critical", cut.Find("[data-testid=health-level]").TextContent.Trim());
        Assert.Equal("true", cut.Find("[data-testid=health-level] svg").GetAttribute("aria-hidden"));
        Assert.Equal("95 %", cut.Find("[data-metric=cpu] dd").TextContent);
        Assert.Equal("120 ms", cut.Find("[data-metric=latencyP99Ms] dd").TextContent);
        Assert.Equal("CPU saturated", cut.Find("[data-testid=health-incident]").TextContent);
    }

    [Fact]
    public void Render_NoData_SaysWaiting()
    {
        var cut = RenderTile("web-1");

        Assert.Equal("unknown", cut.Find("[data-testid=health-tile]").GetAttribute("data-level"));
        Assert.Equal("Waiting for data", cut.Find("[data-testid=health-incident]").TextContent);
        Assert.Equal("—", cut.Find("[data-metric=cpu] dd").TextContent);
    }

    [Fact]
    public void NewEvent_ForItsHost_UpdatesLevelValuesAndIncident()
    {
        PublishHost("web-1", cpu: 20, memory: 40, p99: 100, errors: 0.1);
        var cut = RenderTile("web-1");
        Assert.Equal("ok", cut.Find("[data-testid=health-tile]").GetAttribute("data-level"));

        PublishHost("web-1", cpu: 30, memory: 40, p99: 450, errors: 0.1, incident: "Slow database");

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("warning", cut.Find("[data-testid=health-tile]").GetAttribute("data-level"));
            Assert.Equal("450 ms", cut.Find("[data-metric=latencyP99Ms] dd").TextContent);
            Assert.Equal("Slow database", cut.Find("[data-testid=health-incident]").TextContent);
        }, Wait);
    }

    [Fact]
    public void NewEvent_ForAnotherHost_IsIgnored()
    {
        PublishHost("web-1", cpu: 20, memory: 40, p99: 100, errors: 0.1);
        var web1 = RenderTile("web-1");
        var web2 = RenderTile("web-2");

        PublishHost("web-2", cpu: 99, memory: 99, p99: 900, errors: 9);

        web2.WaitForAssertion(() => Assert.Equal("critical", web2.Find("[data-testid=health-tile]").GetAttribute("data-level")), Wait);
        Assert.Equal("ok", web1.Find("[data-testid=health-tile]").GetAttribute("data-level"));
        Assert.Equal("20 %", web1.Find("[data-metric=cpu] dd").TextContent);
    }

    [Fact]
    public void Render_SelfWithoutLatencyOrErrors_JudgesWhatItHas()
    {
        Publish(DashboardFeeds.Metrics, ProcessMetrics.Topic, ProcessMetrics.EventType,
            new ProcessMetrics("self", 75, 10, 100_000_000, 50_000_000, 1, 0, 0, 8, 0, 12, 3, 30, 0.5));

        var cut = RenderTile("self");

        Assert.Equal("warning", cut.Find("[data-testid=health-tile]").GetAttribute("data-level"));
        Assert.Equal("—", cut.Find("[data-metric=latencyP99Ms] dd").TextContent);
        Assert.Equal("No incident", cut.Find("[data-testid=health-incident]").TextContent);
    }

    [Fact]
    public void Render_ConfiguredThreshold_OverridesDefault()
    {
        Options.Thresholds["cpu"] = new() { Warning = 10, Critical = 15 };
        PublishHost("web-1", cpu: 20, memory: 40, p99: 100, errors: 0.1);

        var cut = RenderTile("web-1");

        Assert.Equal("critical", cut.Find("[data-testid=health-tile]").GetAttribute("data-level"));
    }

    [Fact]
    public async Task Dispose_ThenNewEvent_DoesNotRender()
    {
        PublishHost("web-1", cpu: 20, memory: 40, p99: 100, errors: 0.1);
        var cut = RenderTile("web-1");
        await DisposeComponentsAsync();
        var renders = cut.RenderCount;
        var witness = RenderTile("web-1");

        PublishHost("web-1", cpu: 99, memory: 40, p99: 100, errors: 0.1);

        // The witness has its own timer; once it has flushed, a live tile would have too.
        witness.WaitForAssertion(() => Assert.Equal("99 %", witness.Find("[data-metric=cpu] dd").TextContent), Wait);
        await witness.InvokeAsync(() => { });
        Assert.Equal(renders, cut.RenderCount);
    }

    private IRenderedComponent<HealthTile> RenderTile(string host) => Render<HealthTile>(p => p.Add(t => t.Host, host));

    private void PublishHost(string host, double cpu, double memory, double p99, double errors, string? incident = null) =>
        Publish(DashboardFeeds.Metrics, HostMetrics.TopicPrefix + host, HostMetrics.EventType,
            new HostMetrics(host, cpu, memory, 500, p99 / 3, p99, errors, incident));
}
