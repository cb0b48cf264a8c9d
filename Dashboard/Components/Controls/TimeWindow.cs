namespace Dashboard.Components.Controls;

/// <summary>A span of recent time the charts show, as the window picker offers it.</summary>
/// <param name="Seconds">The span.</param>
/// <param name="Label">What the picker's button says, e.g. <c>15 min</c>.</param>
/// <param name="Shortcut">The key that picks it.</param>
public sealed record TimeWindow(int Seconds, string Label, char Shortcut)
{
    /// <summary>
    /// Past this span a chart draws one minimum and one maximum per bucket instead of every point:
    /// an hour of a 4-per-second ticker is 14,400 points for a few hundred pixels.
    /// </summary>
    public const int RawSeconds = 300;

    /// <summary>Buckets across a downsampled window: about one per pixel of a laptop-sized chart.</summary>
    public const int Buckets = 600;

    public static IReadOnlyList<TimeWindow> All { get; } =
    [
        new(60, "1 min", '1'),
        new(300, "5 min", '2'),
        new(900, "15 min", '3'),
        new(3600, "1 h", '4'),
    ];

    public static TimeWindow Default => All[1];

    /// <summary>How the address names it: <c>1m</c>, <c>15m</c>, <c>1h</c>.</summary>
    public string Query => Seconds % 3600 == 0 ? $"{Seconds / 3600}h" : $"{Seconds / 60}m";

    /// <summary>The window an address names, or null for none or one not offered.</summary>
    public static TimeWindow? FromQuery(string? value) =>
        All.FirstOrDefault(w => string.Equals(w.Query, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The bucket width in seconds for a window, 0 when every point is drawn.</summary>
    public static double BucketSeconds(int windowSeconds) =>
        windowSeconds <= RawSeconds ? 0 : (double)windowSeconds / Buckets;
}
