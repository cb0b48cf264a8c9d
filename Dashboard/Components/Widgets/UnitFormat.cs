using System.Globalization;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A value with its unit as ops tools show it: byte units scaled in SI steps (216,902 bytes/s is
/// 217 kB/s), two decimals below 100 and none from 1,000. The charts' script (liveChart.js) does
/// the same for their legends.
/// </summary>
public static class UnitFormat
{
    private static readonly string[] ByteUnits = ["B", "kB", "MB", "GB", "TB", "PB"];

    public static string Format(double value, string? unit)
    {
        var (scaled, shown) = Scale(value, unit ?? "");
        var abs = Math.Abs(scaled);
        var text = scaled.ToString(abs >= 1000 ? "N0" : abs >= 100 ? "N1" : "N2", CultureInfo.CurrentCulture);
        return shown.Length > 0 ? text + " " + shown : text;
    }

    private static (double Value, string Unit) Scale(double value, string unit)
    {
        if (unit is not ("bytes" or "bytes/s"))
        {
            return (value, unit);
        }

        var i = 0;
        while (Math.Abs(value) >= 1000 && i < ByteUnits.Length - 1)
        {
            value /= 1000;
            i++;
        }

        return (value, ByteUnits[i] + (unit == "bytes/s" ? "/s" : ""));
    }
}
