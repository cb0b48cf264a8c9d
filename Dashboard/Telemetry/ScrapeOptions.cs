namespace Dashboard.Telemetry;

/// <summary><c>Telemetry:Scrape</c>: the Prometheus text-format endpoint, on by default.</summary>
public sealed class ScrapeOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Where Prometheus scrapes, e.g. <c>/metrics</c>.</summary>
    public string Path { get; set; } = "/metrics";
}
