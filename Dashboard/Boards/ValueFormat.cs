using System.Globalization;

namespace Dashboard.Boards;

/// <summary>
/// Numbers as ops tools show them: the unit scaled to the value (1.2 MB/s, 3.4 k/s, 250 ms, 1.5 s)
/// with a few digits, so a panel reads at a glance. Bytes are SI (1 kB = 1000 B), as a network
/// rate is quoted. liveChart.js's <c>formatUnit</c> does the same for the charts' axes and hover values.
/// </summary>
public static class ValueFormat
{
    public const string Percent = "percent";
    public const string Milliseconds = "ms";
    public const string Seconds = "s";
    public const string Bytes = "bytes";
    public const string BytesPerSecond = "bytes/s";
    public const string Count = "count";
    public const string CountPerSecond = "count/s";
    public const string Currency = "currency";

    /// <summary>The units a panel may name; empty means a plain number.</summary>
    public static IReadOnlyList<string> Units { get; } = [Percent, Milliseconds, Seconds, Bytes, BytesPerSecond, Count, CountPerSecond, Currency];

    private static readonly string[] SiPrefixes = ["", "k", "M", "G", "T", "P"];

    public static bool IsKnown(string unit) => unit.Length == 0 || Units.Contains(unit, StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="value"/> in <paramref name="unit"/>, scaled, with <paramref name="decimals"/>
    /// digits after the point, or (null) 0 from 100 up, 1 from 1 up, 2 below.
    /// </summary>
    public static string Format(double value, string unit, int? decimals = null)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
        }

        var (scaled, suffix) = unit switch
        {
            Percent => (value, " %"),
            Milliseconds => Duration(value / 1000),
            Seconds => Duration(value),
            Bytes => Si(value, "B"),
            BytesPerSecond => Si(value, "B/s"),
            Count => Si(value, ""),
            CountPerSecond => Si(value, "/s"),
            Currency => (value, ""),
            _ => (value, ""),
        };

        var digits = decimals ?? (unit == Currency ? 2 : AutoDecimals(scaled));
        // Half away from zero, as the browser's toLocaleString rounds: the chart and the panel agree.
        var rounded = Math.Round(scaled, digits, MidpointRounding.AwayFromZero);
        return rounded.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>What the unit is called beside a chart's title: <c>%</c>, <c>bytes/s</c>...</summary>
    public static string? Caption(string unit) => unit switch
    {
        "" => null,
        Percent => "%",
        _ => unit,
    };

    private static int AutoDecimals(double scaled)
    {
        var abs = Math.Abs(scaled);
        return abs >= 100 || abs == 0 ? 0 : abs >= 1 ? 1 : 2;
    }

    private static (double, string) Duration(double seconds)
    {
        var abs = Math.Abs(seconds);
        return abs switch
        {
            0 => (0, " s"),
            < 1 => (seconds * 1000, " ms"),
            < 60 => (seconds, " s"),
            < 3600 => (seconds / 60, " min"),
            < 86400 => (seconds / 3600, " h"),
            _ => (seconds / 86400, " d"),
        };
    }

    private static (double, string) Si(double value, string unit)
    {
        var scaled = value;
        var prefix = 0;
        while (Math.Abs(scaled) >= 1000 && prefix < SiPrefixes.Length - 1)
        {
            scaled /= 1000;
            prefix++;
        }

        // "3.4 k/s", "1.2 MB/s", "250 B", "12/s", a bare "12" for a count.
        var name = SiPrefixes[prefix] + unit;
        return (scaled, name.Length == 0 ? "" : name.StartsWith('/') ? name : " " + name);
    }
}
