using Microsoft.Extensions.DependencyInjection;

namespace Feeds.Producers;

internal static class ProducersExtensions
{
    public static IServiceCollection AddFeedProducers(this IServiceCollection services) => services;
}
