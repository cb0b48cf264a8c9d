using Feeds.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Feeds.Sources.Prometheus;

internal static class PrometheusExtensions
{
    // A query result is JSON for every matching series; a query that matches far too much fails clearly instead of filling memory.
    private const long MaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>Registers the Prometheus data source, its HTTP client and its validator; it stays idle while <c>Feeds:Prometheus:Url</c> is empty.</summary>
    public static IServiceCollection AddPrometheusSource(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedsOptions>, PrometheusOptionsValidator>());
        services.TryAddSingleton<PrometheusQueryStates>();
        services.AddHttpClient(PrometheusSource.HttpClientName).ConfigureHttpClient((sp, client) =>
        {
            var prometheus = sp.GetRequiredService<IOptions<FeedsOptions>>().Value.Prometheus;
            client.BaseAddress = new Uri(prometheus.Url.TrimEnd('/') + "/");
            client.Timeout = TimeSpan.FromSeconds(prometheus.TimeoutSeconds);
            client.MaxResponseContentBufferSize = MaxResponseBytes;
        })
        // Four lines at Information for every poll of every query; the source logs what matters itself.
        .RemoveAllLoggers();
        services.AddHostedService<PrometheusSource>();
        return services;
    }
}
