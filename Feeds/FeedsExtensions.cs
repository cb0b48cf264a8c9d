using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Feeds.Sources.Prometheus;
using Feeds.Telemetry;
using Feeds.Transports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Feeds;

/// <summary>Wires the feeds into a host: <c>builder.AddFeeds()</c> and <c>app.MapFeeds()</c>.</summary>
public static class FeedsExtensions
{
    /// <summary>Registers the hub, the backplane <c>Feeds:Backplane:Kind</c> names, the producers, the Prometheus data source, the metrics and their options (validated at start).</summary>
    public static IHostApplicationBuilder AddFeeds(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<FeedsOptions>().BindConfiguration(FeedsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedsOptions>, FeedsOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        builder.AddFeedBackplane();
        services.TryAddSingleton<FeedStats>();
        services.TryAddSingleton<TopicCatalog>();
        services.TryAddSingleton<FeedHub>();
        services.TryAddSingleton<StreamGate>();
        services.TryAddSingleton<StreamLog>();
        services.AddFeedsMetrics();
        services.AddFeedLimits();
        services.AddFeedCors();
        services.AddHostedService<PublishTopics>();

        services.AddFeedProducers();
        services.AddPrometheusSource();
        return builder;
    }

    /// <summary>
    /// Adds the middleware the feed endpoints rely on: 503 while the backplane's database is away,
    /// CORS (<c>Feeds:Cors</c>), WebSockets, and the stream and publish limits. Call it after routing and before <see cref="MapFeeds"/>'s endpoints run;
    /// without it those endpoints refuse to run rather than go unprotected.
    /// </summary>
    public static IApplicationBuilder UseFeeds(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<BackplaneUnavailable>();
        app.UseCors();
        app.UseWebSockets();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps <c>/feeds/sse</c>, <c>/feeds/ws</c>, <c>/feeds/poll</c>, <c>/feeds/publish/{topic}</c>, <c>/feeds/topics</c>, <c>/feeds/stats</c>, <c>/feeds/streams</c> and <c>/healthz</c>.</summary>
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var feeds = endpoints.MapGroup("/feeds").RequireCors(FeedCors.PolicyName);
        feeds.MapSseEndpoint();
        feeds.MapWebSocketEndpoint();
        feeds.MapPollEndpoint();
        feeds.MapPublishEndpoint();
        feeds.MapCatalogEndpoints();
        endpoints.MapHealthChecks("/healthz");
        return endpoints;
    }
}
