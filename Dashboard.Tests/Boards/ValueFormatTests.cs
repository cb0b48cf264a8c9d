using Dashboard.Boards;

namespace Dashboard.Tests.Boards;

[Trait("Tier", "Unit")]
public sealed class ValueFormatTests
{
    [Theory]
    [InlineData(1_234_567.0, "bytes/s", null, "1.2 MB/s")]
    [InlineData(3_400.0, "count/s", null, "3.4 k/s")]
    [InlineData(12.0, "count/s", null, "12.0/s")]
    [InlineData(250.0, "ms", null, "250 ms")]
    [InlineData(1_500.0, "ms", null, "1.5 s")]
    [InlineData(0.25, "s", null, "250 ms")]
    [InlineData(90.0, "s", null, "1.5 min")]
    [InlineData(512.0, "bytes", null, "512 B")]
    [InlineData(2_500_000_000.0, "bytes", null, "2.5 GB")]
    [InlineData(45.25, "percent", null, "45.3 %")]
    [InlineData(45.25, "percent", 0, "45 %")]
    [InlineData(1_234.5, "currency", null, "1,234.50")]
    [InlineData(1_234_567.0, "count", null, "1.2 M")]
    [InlineData(0.42, "", null, "0.42")]
    [InlineData(1_234_567.0, "bytes/s", 3, "1.235 MB/s")]
    public void Format_Unit_ScalesAsOpsToolsDo(double value, string unit, int? decimals, string expected) =>
        Assert.Equal(expected, ValueFormat.Format(value, unit, decimals));

    [Fact]
    public void Format_NotFinite_NamesIt() => Assert.Equal("NaN", ValueFormat.Format(double.NaN, "ms"));
}
