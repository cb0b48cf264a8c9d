using System.Text.Json;
using Dashboard.Boards;

namespace Dashboard.Tests.Boards;

[Trait("Tier", "Unit")]
public sealed class FieldPathTests
{
    private static readonly JsonElement Data = JsonDocument.Parse("""
        { "cpu": 12.5, "gc": { "heapBytes": 2048 }, "items": [ { "price": 3 } ],
          "series": [ { "name": "eth0", "value": 10 }, { "name": "lo", "value": null }, { "value": 7 } ] }
        """).RootElement;

    [Theory]
    [InlineData("cpu", 12.5)]
    [InlineData("gc.heapBytes", 2048.0)]
    [InlineData("items[0].price", 3.0)]
    public void Number_PlainPath_ReadsTheValue(string path, double expected) =>
        Assert.Equal(expected, FieldPath.Parse(path).Number(Data, null));

    [Fact]
    public void Read_Each_OneValuePerElementNamedByItsNameOrIndex()
    {
        var values = FieldPath.Parse("series[*].value").Read(Data).ToList();

        Assert.Equal(["eth0", "lo", "2"], values.Select(v => v.Element));
        Assert.Equal(JsonValueKind.Null, values[1].Value.ValueKind);
        Assert.Equal(7, FieldPath.Parse("series[*].value").Number(Data, "2"));
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("gc.missing")]
    [InlineData("items[5].price")]
    public void Number_AbsentPath_IsNull(string path) => Assert.Null(FieldPath.Parse(path).Number(Data, null));

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a[*].b[*]")]
    [InlineData("a[x]")]
    [InlineData("a[")]
    [InlineData(".a")]
    public void TryParse_NotAPath_False(string text) => Assert.False(FieldPath.TryParse(text, out _));
}
