using Dashboard.Relay;
using Feeds.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Dashboard.Telemetry;

/// <summary>Exports the server's own metrics with OpenTelemetry: <c>builder.AddTelemetry()</c> and <c>app.MapTelemetry()</c>.</summary>
public static class TelemetryExtensions
{
    /// <summary>The standard variable that turns the OTLP exporter on; its siblings (protocol, headers) are read by the exporter itself.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // ASP.NET Core's and the runtime's own meters, beside ours.
    private static readonly string[] Meters =
    [
        FeedsMetrics.MeterName,
        DashboardMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "System.Runtime",
        "System.Net.Http",
    ];

    /// <summary>Registers the dashboard's instruments and the exporters <c>Telemetry</c> and <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> ask for.</summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton(sp => new DashboardMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetRequiredService<FeedRelay>()));
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitMetricsHandler>());
        services.AddHostedService<MetricsWarmup>();

        var scrape = Scrape(builder.Configuration);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (!scrape.Enabled && !otlp)
        {
            return builder;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (scrape.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return builder;
    }

    /// <summary>Maps the scrape endpoint at <c>Telemetry:Scrape:Path</c> (default <c>/metrics</c>) unless <c>Telemetry:Scrape:Enabled</c> is false.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Read unvalidated: the options are validated as the app starts, after this. A bad path is not mapped, and the start then fails naming it.
        var scrape = Scrape(app.Configuration);
        if (scrape.Enabled && TelemetryOptionsValidator.IsOwnPath(scrape.Path))
        {
            app.MapPrometheusScrapingEndpoint(scrape.Path);
        }

        return app;
    }

    private static ScrapeOptions Scrape(IConfiguration configuration) =>
        configuration.GetSection($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Scrape)}").Get<ScrapeOptions>() ?? new();
}
