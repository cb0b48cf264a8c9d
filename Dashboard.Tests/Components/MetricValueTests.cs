using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Options;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class MetricValueTests : WidgetTestContext
{
    private static readonly Threshold Cpu = new() { Warning = 70, Critical = 90 };

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData(10.0, "ok")]
    [InlineData(75.0, "warning")]
    [InlineData(95.0, "critical")]
    public void Render_WithThreshold_MarksLevel(double? value, string level)
    {
        var cut = Render<MetricValue>(p => p
            .Add(c => c.Metric, "cpu")
            .Add(c => c.Label, "CPU")
            .Add(c => c.Value, value)
            .Add(c => c.Threshold, Cpu));

        var cell = cut.Find("[data-testid=metric-value]");
        Assert.Equal("cpu", cell.GetAttribute("data-metric"));
        Assert.Equal(level, cell.GetAttribute("data-level"));
        Assert.Contains("level-" + level, cell.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoThreshold_ShowsFormattedValueUncoloured()
    {
        var cut = Render<MetricValue>(p => p
            .Add(c => c.Metric, "rps")
            .Add(c => c.Label, "Requests/s")
            .Add(c => c.Value, 1234.6)
            .Add(c => c.Format, "N0")
            .Add(c => c.Unit, "req"));

        Assert.Equal("unknown", cut.Find("[data-testid=metric-value]").GetAttribute("data-level"));
        Assert.StartsWith("1,235", cut.Find(".metric-number").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("req", cut.Find(".metric-unit").TextContent);
    }
}
