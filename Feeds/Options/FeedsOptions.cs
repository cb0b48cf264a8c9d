namespace Feeds.Options;

/// <summary>The <c>Feeds</c> section of appsettings.json.</summary>
public sealed class FeedsOptions
{
    public const string SectionName = "Feeds";

    public HistoryOptions History { get; set; } = new();

    public SseOptions Sse { get; set; } = new();

    public ClockOptions Clock { get; set; } = new();

    public TickerOptions Ticker { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();
    public AlertsOptions Alerts { get; set; } = new();
}
