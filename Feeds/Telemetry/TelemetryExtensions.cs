using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Sources.Prometheus;
using Feeds.Transports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feeds.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>Registers <see cref="FeedsMetrics"/> on the host's meter factory; an exporter (OpenTelemetry in the dashboard) decides where the numbers go.</summary>
    public static IServiceCollection AddFeedsMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton(sp => new FeedsMetrics(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<FeedStats>(),
            sp.GetRequiredService<StreamLog>(),
            sp.GetRequiredService<IFeedBackplane>(),
            sp.GetRequiredService<PrometheusQueryStates>(),
            () => sp.GetRequiredService<FeedHub>().SubscriberCount));
        return services;
    }
}
