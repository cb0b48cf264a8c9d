using Feeds.Sources.Prometheus;

namespace Feeds.Options;

/// <summary>The <c>Feeds</c> section of appsettings.json.</summary>
public sealed class FeedsOptions
{
    public const string SectionName = "Feeds";

    public BackplaneOptions Backplane { get; set; } = new();

    public HistoryOptions History { get; set; } = new();

    public SseOptions Sse { get; set; } = new();

    public PollOptions Poll { get; set; } = new();

    public PublishOptions Publish { get; set; } = new();

    /// <summary>Read protection per topic; without rules every topic is open.</summary>
    public List<AccessRule> Access { get; set; } = [];

    public FeedsCorsOptions Cors { get; set; } = new();

    public ClockOptions Clock { get; set; } = new();

    public TickerOptions Ticker { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public AlertsOptions Alerts { get; set; } = new();

    public PrometheusOptions Prometheus { get; set; } = new();
}
