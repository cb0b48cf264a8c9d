using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feeds.Producers;

internal static class ProducersExtensions
{
    /// <summary>Registers the clock, ticker, fleet and self-metrics producers; each stays idle when its section says <c>Enabled: false</c>.</summary>
    public static IServiceCollection AddFeedProducers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The request counter listens to the app's own meters; a host builder has usually added
        // them already, and AddMetrics adds nothing twice.
        services.AddMetrics();
        services.TryAddSingleton<HttpRequestCounter>();

        services.AddHostedService<ClockProducer>();
        services.AddHostedService<TickerProducer>();
        services.AddHostedService<FleetMetricsProducer>();
        services.AddHostedService<SelfMetricsProducer>();
        services.AddHostedService<AlertsProducer>();
        services.AddHostedService<AlertStateProducer>();
        return services;
    }
}
