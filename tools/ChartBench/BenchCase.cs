namespace ChartBench;

/// <summary>One chart shape to time: points per series, series, and the plot's size in CSS pixels.</summary>
internal sealed record BenchCase(string Name, int Points, int Series, int Width, int Height)
{
    /// <summary>
    /// The overview's CPU chart (six hosts and this server, 170 px high, a third of a 1440 px
    /// page) and the ticker's price chart (last, bid, ask; the default 200 px, most of the page's width).
    /// </summary>
    public static IReadOnlyList<BenchCase> Defaults(int points) =>
    [
        new("overview CPU chart", points, 7, 420, 170),
        new("ticker price chart", points, 3, 1000, 200),
    ];
}
