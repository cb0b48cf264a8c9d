using System.Text.Json;
using Dashboard.Boards;
using Dashboard.Options;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Boards;

[Trait("Tier", "Unit")]
public sealed class ExploreQueryTests
{
    [Fact]
    public void ToConfiguration_Choice_BindsBackToTheSamePanel()
    {
        var query = ExploreQuery.From("metrics/self", ["cpu", "hostCpu"], "line", "percent");

        var json = query.ToConfiguration();
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{{ \"Dashboard\": {json} }}")))
            .Build();
        var options = configuration.GetSection("Dashboard").Get<DashboardOptions>()!;

        var panel = Assert.Single(options.Boards["explore"].Panels);
        Assert.Equal("metrics/self", panel.Topic);
        Assert.Equal(["cpu", "hostCpu"], panel.Fields);
        Assert.Equal("line", panel.Kind);
        Assert.Equal("percent", panel.Unit);
        Assert.True(new BoardsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void From_UnknownKindUnitAndBadField_FallsBackAndDrops()
    {
        var query = ExploreQuery.From("clock", ["ok", "a[*].b[*]"], "pie", "furlongs");

        Assert.Equal(["ok"], query.Fields);
        Assert.Equal(PanelKinds.Line, query.Kind);
        Assert.Equal("", query.Unit);
    }

    [Fact]
    public void ToPanel_NoField_TableOfRecentEvents()
    {
        var panel = ExploreQuery.From("alerts", [], "line", "").ToPanel();

        Assert.Equal(PanelKinds.Table, panel.Kind);
        Assert.Empty(panel.Fields);
    }

    [Fact]
    public void FieldDetector_PrometheusResult_OffersSeriesValueAsANumber()
    {
        var data = JsonDocument.Parse("""{ "topic": "p", "ts": 1, "query": "up", "series": [ { "name": "a", "value": 1 } ] }""").RootElement;

        var fields = FieldDetector.Detect(data);

        Assert.Contains(fields, f => f is { Path: "series[*].value", IsNumber: true });
        Assert.Contains(fields, f => f is { Path: "query", IsNumber: false });
        Assert.DoesNotContain(fields, f => f.Path is "topic" or "ts");
    }
}
