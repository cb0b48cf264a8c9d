namespace Dashboard.Relay;

/// <summary>The relay feeds the pages read. One stream each, however many widgets show them.</summary>
public static class DashboardFeeds
{
    public const string Metrics = "metrics/*";
    public const string Ticker = "ticker/*";
    public const string Clock = "clock";

    public static IReadOnlyList<string> All { get; } = [Metrics, Ticker, Clock];
}
