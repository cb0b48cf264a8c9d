namespace Feeds.Sources.Prometheus;

/// <summary><c>Feeds:Prometheus</c>: a Prometheus server whose PromQL queries become live topics; off while <see cref="Url"/> is empty.</summary>
public sealed class PrometheusOptions
{
    /// <summary>The Prometheus server, e.g. <c>http://127.0.0.1:9090</c>; empty turns the source off.</summary>
    public string Url { get; set; } = "";

    /// <summary>How long one query may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The longest wait between retries of a failing query; the wait doubles from its interval up to this.</summary>
    public int MaxBackoffSeconds { get; set; } = 60;

    public List<PrometheusQueryOptions> Queries { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
