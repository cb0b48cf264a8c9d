namespace Dashboard.Telemetry;

/// <summary>The <c>Telemetry</c> section: how the server's own metrics leave it. OTLP is not here: it follows the standard <c>OTEL_EXPORTER_OTLP_*</c> variables.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The Prometheus scrape endpoint.</summary>
    public ScrapeOptions Scrape { get; set; } = new();
}
