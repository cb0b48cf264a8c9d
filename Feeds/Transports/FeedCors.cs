using Feeds.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AspNetCorsOptions = Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions;

namespace Feeds.Transports;

/// <summary>
/// The CORS policy of <c>/feeds</c>: only the origins in <c>Feeds:Cors:Origins</c> may read the
/// streams or publish from their pages; with none, browsers keep the feeds to this origin.
/// </summary>
internal static class FeedCors
{
    public const string PolicyName = "feeds";

    public static IServiceCollection AddFeedCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<AspNetCorsOptions>().Configure<IOptions<FeedsOptions>>((cors, feeds) =>
            cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins([.. feeds.Value.Cors.Origins.Select(o => o.TrimEnd('/'))])
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", "Last-Event-ID", "Cache-Control")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}
