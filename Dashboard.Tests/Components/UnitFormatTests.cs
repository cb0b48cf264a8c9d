using System.Globalization;
using Dashboard.Components.Widgets;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Unit")]
public sealed class UnitFormatTests
{
    public UnitFormatTests() => CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

    [Theory]
    [InlineData(216_902, "bytes/s", "216.9 kB/s")]
    [InlineData(1_250_000, "bytes", "1.25 MB")]
    [InlineData(999, "bytes", "999.0 B")]
    [InlineData(12.5, "%", "12.50 %")]
    [InlineData(4_547, "", "4,547")]
    [InlineData(-2_000, "bytes/s", "-2.00 kB/s")]
    public void Format_ValueAndUnit_AsOpsToolsShowIt(double value, string unit, string expected) =>
        Assert.Equal(expected, UnitFormat.Format(value, unit));
}
