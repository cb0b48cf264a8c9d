namespace ChartBench;

/// <summary>One chart shape to time: points per series, series, and the plot's size in CSS pixels.</summary>
internal sealed record BenchCase(string Name, int Points, int Series, int Width, int Height)
{
    /// <summary>
    /// The app's two line charts as a 1440x900 window shows them: the overview's CPU chart (six
    /// hosts and this server) and the ticker page's price chart (last, bid, ask), measured there.
    /// </summary>
    public static IReadOnlyList<BenchCase> Defaults(int points) =>
    [
        new("overview CPU chart", points, 7, 310, 170),
        new("ticker price chart", points, 3, 490, 260),
    ];
}
