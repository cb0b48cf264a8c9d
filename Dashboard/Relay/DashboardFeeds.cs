namespace Dashboard.Relay;

/// <summary>The relay feeds the pages read. One stream each, however many widgets show them.</summary>
public static class DashboardFeeds
{
    public const string Metrics = "metrics/*";
    public const string Ticker = "ticker/*";
    public const string Clock = "clock";

    /// <summary>Raised and resolved alerts (see <c>Feeds.Producers.AlertEvent</c>).</summary>
    public const string Alerts = "alerts";

    /// <summary>The alerts active now: the newest event is the whole set (see <c>Feeds.Producers.AlertState</c>).</summary>
    public const string ActiveAlerts = "alerts/active";

    public static IReadOnlyList<string> All { get; } = [Metrics, Ticker, Clock, Alerts, ActiveAlerts];
}
