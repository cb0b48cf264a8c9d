using System.Text.Json;
using Dashboard.Components.Widgets;
using Feeds.Client;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Unit")]
public sealed class ChartSeriesTests
{
    private static FeedMessage Message(string json) => new(1, "prom/x", "prometheus", JsonDocument.Parse(json).RootElement, 1);

    [Fact]
    public void ValueIn_Field_ReadsTheDataProperty() =>
        Assert.Equal(42.5, new ChartSeries("prom/x", "cpu", "CPU").ValueIn(Message("""{"cpu":42.5}""")));

    [Fact]
    public void ValueIn_Element_ReadsThatSeriesElementsField()
    {
        var message = Message("""{"series":[{"name":"a","value":1},{"name":"b","value":2}]}""");

        Assert.Equal(2, new ChartSeries("prom/x", "value", "b", Element: "b").ValueIn(message));
    }

    [Theory]
    [InlineData("""{"series":[{"name":"a","value":null,"special":"NaN"}]}""")]
    [InlineData("""{"series":[{"name":"other","value":3}]}""")]
    [InlineData("""{"series":"not an array"}""")]
    [InlineData("""{"value":3}""")]
    public void ValueIn_ElementWithoutANumber_IsNull(string json) =>
        Assert.Null(new ChartSeries("prom/x", "value", "a", Element: "a").ValueIn(Message(json)));
}
