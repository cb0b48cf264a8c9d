namespace Feeds.Sources.Prometheus;

/// <summary><c>Feeds:Prometheus:Queries:N</c>: one PromQL query, polled at its interval and published on its topic.</summary>
public sealed class PrometheusQueryOptions
{
    /// <summary>The topic its results are published on, e.g. <c>prom/node-cpu</c>.</summary>
    public string Topic { get; set; } = "";

    /// <summary>An instant query: its result must be a vector or a scalar.</summary>
    public string Query { get; set; } = "";

    public int IntervalSeconds { get; set; } = 5;

    /// <summary>What the values measure, for the charts (e.g. <c>%</c>, <c>bytes/s</c>); optional.</summary>
    public string Unit { get; set; } = "";

    /// <summary>The label whose value names each series (e.g. <c>instance</c>); empty names a series by all its labels.</summary>
    public string SeriesLabel { get; set; } = "";
}
