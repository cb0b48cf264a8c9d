using System.Globalization;
using Bunit;
using Dashboard.Components.Widgets;
using Feeds.Client;
using Feeds.Sources.Prometheus;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class PrometheusPanelTests : WidgetTestContext
{
    private const string Topic = "prom/node-net";
    private const string Query = "sum by (instance) (rate(node_network_receive_bytes_total[1m]))";

    private readonly JsCalls _js;

    public PrometheusPanelTests()
    {
        _js = RecordModule(LiveChart.ModulePath, "create", "append", "destroy");
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
    }

    [Fact]
    public async Task Render_Result_LiveWithEachSeriesValueInItsUnitAndALineEach()
    {
        // Arrange
        PublishResult(("web-1", 216_902), ("web-2", 1_500));

        // Act
        var cut = Render();

        // Assert
        Assert.Equal("live", cut.Find("[data-testid=prom-panel]").GetAttribute("data-state"));
        Assert.StartsWith("Live, evaluated", cut.Find("[data-testid=prom-state]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["web-1 217 kB/s", "web-2 1.5 kB/s"], cut.FindAll("[data-testid=prom-value]").Select(v => v.TextContent.Trim()));
        Assert.Contains(Query, cut.Markup, StringComparison.Ordinal);
        var create = Assert.Single(await _js.WaitForAsync("create"));
        var data = (object[])create[2]!;
        Assert.Equal(3, data.Length);
        Assert.Equal([216_902.0], (double?[])data[1]);
        Assert.Equal([1_500.0], (double?[])data[2]);
    }

    [Fact]
    public void SourceError_AfterResult_ShowsPrometheusTextThenLiveAgainAtTheNextResult()
    {
        // Arrange
        PublishResult(("web-1", 10));
        var cut = Render();

        // Act
        Publish(Topic, Topic, PrometheusSourceError.EventType,
            new PrometheusSourceError(Query, "bad_data", "1:32: parse error: unclosed left parenthesis", 3, 40));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("error", cut.Find("[data-testid=prom-panel]").GetAttribute("data-state")), Wait);
        var error = cut.Find("[data-testid=prom-error]").TextContent;
        Assert.Contains("1:32: parse error: unclosed left parenthesis", error, StringComparison.Ordinal);
        Assert.Contains("3 failed in a row", error, StringComparison.Ordinal);

        PublishResult(("web-1", 12));
        cut.WaitForAssertion(() => Assert.Equal("live", cut.Find("[data-testid=prom-panel]").GetAttribute("data-state")), Wait);
        Assert.Empty(cut.FindAll("[data-testid=prom-error]"));
        Assert.Equal("web-1 12.0 B/s", cut.Find("[data-testid=prom-value]").TextContent.Trim());
    }

    [Fact]
    public void Render_OnlyAnError_SaysErrorWithoutValues()
    {
        // Arrange
        Publish(Topic, Topic, PrometheusSourceError.EventType,
            new PrometheusSourceError(Query, "unavailable", "Connection refused (127.0.0.1:9090)", 1, 5));

        // Act
        var cut = Render();

        // Assert
        Assert.Equal("error", cut.Find("[data-testid=prom-panel]").GetAttribute("data-state"));
        Assert.Contains("Connection refused", cut.Find("[data-testid=prom-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=prom-value]"));
        Assert.Empty(cut.FindAll("[data-testid=live-chart]"));
    }

    [Fact]
    public void Render_NothingYet_SaysItWaitsAndHowOftenItAsks()
    {
        // Act
        var cut = Render(intervalMs: 5000);

        // Assert
        Assert.Equal("waiting", cut.Find("[data-testid=prom-panel]").GetAttribute("data-state"));
        Assert.Contains("every 5 s", cut.Find("[data-testid=prom-state]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyResultAndSpecialValues_SaysSoInsteadOfANumber()
    {
        // Arrange
        PublishResult();

        // Act
        var cut = Render();
        Publish(Topic, Topic, PrometheusResult.EventType, new PrometheusResult(Query, "bytes/s",
            [new PrometheusSeries("web-1", new Dictionary<string, string>(), null, "NaN")], DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("web-1 NaN", cut.Find("[data-testid=prom-value]").TextContent.Trim()), Wait);
    }

    [Fact]
    public void Render_EmptyResult_SaysTheQueryMatchedNothing()
    {
        // Arrange
        PublishResult();

        // Act
        var cut = Render();

        // Assert
        Assert.Equal("live", cut.Find("[data-testid=prom-panel]").GetAttribute("data-state"));
        Assert.Contains("matched no series", cut.Find("[data-testid=prom-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewSeries_Appears_ChartRedrawnWithALineForIt()
    {
        // Arrange
        PublishResult(("web-1", 1));
        var cut = Render();
        await _js.WaitForAsync("create");

        // Act
        PublishResult(("web-1", 2), ("web-2", 3));

        // Assert
        var creates = await _js.WaitForAsync("create", 2);
        var series = (System.Collections.IEnumerable)creates[^1][1]!.GetType().GetProperty("series")!.GetValue(creates[^1][1])!;
        Assert.Equal(2, series.Cast<object>().Count());
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=prom-value]").Count), Wait);
    }

    // The relay feed goes live on its pump's thread; a panel rendered before that says "connecting", truly.
    private IRenderedComponent<PrometheusPanel> Render(int intervalMs = 0)
    {
        Assert.True(SpinWait.SpinUntil(() => Relay.Feed(Topic).State == FeedConnectionState.Live, Wait), "The relay feed never went live.");
        return Render<PrometheusPanel>(p => p.Add(c => c.Topic, Topic).Add(c => c.IntervalMs, intervalMs));
    }

    private void PublishResult(params (string Name, double Value)[] series) =>
        Publish(Topic, Topic, PrometheusResult.EventType, new PrometheusResult(
            Query,
            "bytes/s",
            series.Select(s => new PrometheusSeries(s.Name, new Dictionary<string, string> { ["instance"] = s.Name }, s.Value, null)).ToArray(),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
}
