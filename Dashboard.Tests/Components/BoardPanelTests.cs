using Bunit;
using Dashboard.Boards;
using Dashboard.Components.Boards;
using Dashboard.Components.Widgets;
using Dashboard.Options;

namespace Dashboard.Tests.Components;

/// <summary>Each panel kind as a board's configuration declares it: formatting, thresholds, a field no event has, a value that is not a number.</summary>
[Trait("Tier", "Component")]
public sealed class BoardPanelTests : WidgetTestContext
{
    private const string Topic = "lab/load";
    private static readonly Threshold Latency = new() { Warning = 300, Critical = 800 };
    private readonly JsCalls _chart;

    public BoardPanelTests() => _chart = RecordModule(LiveChart.ModulePath, "create", "append", "destroy");

    [Fact]
    public void Stat_ValueInMilliseconds_ShowsOpsFormatAndThresholdLevel()
    {
        Publish(Topic, Topic, "message", new { latency = 1500.0 });

        var cut = RenderPanel(PanelKinds.Stat, ValueFormat.Milliseconds, ["latency"], Latency);

        var value = cut.Find("[data-testid=panel-value]");
        Assert.Contains("1.5 s", value.TextContent, StringComparison.Ordinal);
        Assert.Equal("critical", value.GetAttribute("data-level"));
        Assert.Single(cut.FindAll("[data-testid=sparkline]"));
    }

    [Fact]
    public void Stat_NewEvent_UpdatesNumberAndLevel()
    {
        Publish(Topic, Topic, "message", new { latency = 250.0 });
        var cut = RenderPanel(PanelKinds.Stat, ValueFormat.Milliseconds, ["latency"], Latency);
        Assert.Equal("ok", cut.Find("[data-testid=panel-value]").GetAttribute("data-level"));

        Publish(Topic, Topic, "message", new { latency = 420.0 });

        cut.WaitForAssertion(() => Assert.Contains("420 ms", cut.Find("[data-testid=panel-value]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("warning", cut.Find("[data-testid=panel-value]").GetAttribute("data-level"));
    }

    [Fact]
    public void Gauge_Percent_FillsToTheValueAndColoursIt()
    {
        Publish(Topic, Topic, "message", new { memory = 85.25 });

        var cut = RenderPanel(PanelKinds.Gauge, ValueFormat.Percent, ["memory"], new Threshold { Warning = 80, Critical = 95 });

        var gauge = cut.Find("[data-testid=panel-value]");
        Assert.Equal("meter", gauge.GetAttribute("role"));
        Assert.Equal("85.25", gauge.GetAttribute("aria-valuenow"));
        Assert.Equal("100", gauge.GetAttribute("aria-valuemax"));
        Assert.Equal("85.3 %", gauge.GetAttribute("aria-valuetext"));
        Assert.Equal("warning", gauge.GetAttribute("data-level"));
        Assert.Equal("85.25 100", cut.Find(".gauge-fill").GetAttribute("stroke-dasharray"));
    }

    [Fact]
    public void Bar_PrefixOfTopics_BarPerTopicScaledToTheLargest()
    {
        Publish("lab/*", "lab/a", "message", new { rate = 3400.0 });
        Publish("lab/*", "lab/b", "message", new { rate = 1700.0 });

        var cut = RenderPanel(PanelKinds.Bar, ValueFormat.CountPerSecond, ["rate"], topic: "lab/*");

        var bars = cut.FindAll("[data-testid=panel-value]");
        Assert.Equal(["a", "b"], bars.Select(b => b.GetAttribute("data-series")));
        Assert.Contains("3.4 k/s", bars[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1.7 k/s", bars[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("width: 100%", bars[0].QuerySelector(".bar-fill")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("width: 50%", bars[1].QuerySelector(".bar-fill")!.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_PrometheusSeries_RowPerSeriesWithLatestValue()
    {
        Publish(Topic, Topic, "prometheus", new
        {
            query = "rate(node_network_receive_bytes_total[1m])",
            series = new object[]
            {
                new { name = "eth0", value = 1_250_000.0 },
                new { name = "lo", value = 512.0 },
            },
        });

        var cut = RenderPanel(PanelKinds.Table, ValueFormat.BytesPerSecond, ["series[*].value"], new Threshold { Warning = 1_000_000, Critical = 5_000_000 });

        var rows = cut.FindAll("[data-testid=panel-value]");
        Assert.Equal(["eth0", "lo"], rows.Select(r => r.GetAttribute("data-series")));
        Assert.Equal("1.3 MB/s", rows[0].QuerySelector(".table-value")!.TextContent);
        Assert.Equal("512 B/s", rows[1].QuerySelector(".table-value")!.TextContent);
        Assert.Equal("warning", rows[0].GetAttribute("data-level"));
        Assert.Equal("ok", rows[1].GetAttribute("data-level"));
    }

    [Fact]
    public void Table_NoFields_ListsRecentEventsNewestFirst()
    {
        Publish(Topic, Topic, "deploy", new { service = "api", version = "1.4.2" });
        Publish(Topic, Topic, "deploy", new { service = "web", version = "2.0.0" });

        var cut = RenderPanel(PanelKinds.Table, "", []);

        var events = cut.FindAll("[data-testid=panel-event]");
        Assert.Equal(2, events.Count);
        Assert.Contains("service: web, version: 2.0.0", events[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("deploy", events[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_SeriesArray_ChartsALinePerSeriesInTheUnit()
    {
        Publish(Topic, Topic, "prometheus", new { series = new object[] { new { name = "eth0", value = 10.0 }, new { name = "lo", value = 2.0 } } });

        RenderPanel(PanelKinds.Line, ValueFormat.BytesPerSecond, ["series[*].value"]);

        var create = (await _chart.WaitForAsync("create"))[^1];
        var data = (object[])create[2]!;
        Assert.Equal([10.0], (double?[])data[1]);
        Assert.Equal([2.0], (double?[])data[2]);
        var config = System.Text.Json.JsonSerializer.Serialize(create[1]);
        Assert.Contains("\"label\":\"eth0\"", config, StringComparison.Ordinal);
        Assert.Contains("\"label\":\"lo\"", config, StringComparison.Ordinal);
        Assert.Contains("\"format\":{\"unit\":\"bytes/s\"", config, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PanelKinds.Stat)]
    [InlineData(PanelKinds.Gauge)]
    [InlineData(PanelKinds.Bar)]
    [InlineData(PanelKinds.Table)]
    [InlineData(PanelKinds.Line)]
    public void AnyKind_FieldNoEventHas_SaysSoInsteadOfAValue(string kind)
    {
        Publish(Topic, Topic, "message", new { cpu = 12.0 });

        var cut = RenderPanel(kind, ValueFormat.Percent, ["cpuu"]);

        Assert.Empty(cut.FindAll("[data-testid=panel-value]"));
        Assert.Contains(cut.FindAll("[data-testid=panel-note]"), n => n.TextContent.Contains("has a field cpuu", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PanelKinds.Stat)]
    [InlineData(PanelKinds.Gauge)]
    [InlineData(PanelKinds.Bar)]
    [InlineData(PanelKinds.Table)]
    public void AnyKind_ValueNotANumber_ShowsTheTextUncoloured(string kind)
    {
        Publish(Topic, Topic, "message", new { status = "degraded" });

        var cut = RenderPanel(kind, ValueFormat.Percent, ["status"], new Threshold { Warning = 1, Critical = 2 });

        var value = cut.Find("[data-testid=panel-value]");
        Assert.Contains("degraded", value.TextContent, StringComparison.Ordinal);
        Assert.Equal("unknown", value.GetAttribute("data-level"));
    }

    [Fact]
    public void Line_ValueNotANumber_IsNotChartedAndSaysWhy()
    {
        Publish(Topic, Topic, "message", new { status = "degraded" });

        var cut = RenderPanel(PanelKinds.Line, "", ["status"]);

        Assert.Contains(cut.FindAll("[data-testid=panel-note]"), n => n.TextContent.Contains("status is not a number (degraded)", StringComparison.Ordinal));
    }

    private IRenderedComponent<BoardPanel> RenderPanel(string kind, string unit, List<string> fields, Threshold? thresholds = null, string topic = Topic) =>
        Render<BoardPanel>(p => p.Add(c => c.Panel, new PanelOptions
        {
            Title = "Panel",
            Topic = topic,
            Fields = fields,
            Kind = kind,
            Unit = unit,
            Thresholds = thresholds,
        }));
}
