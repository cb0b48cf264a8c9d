using Feeds.Hub;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Demos;

/// <summary>
/// Wires the teaching demos' server side: <c>AddDemos()</c> and <c>MapDemos()</c>. They talk to the
/// feeds hub in this process, so they exist only when the dashboard hosts the feeds.
/// </summary>
public static class DemosExtensions
{
    public static IHostApplicationBuilder AddDemos(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DemosOptions>().BindConfiguration(DemosOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemosOptions>, DemosOptionsValidator>());
        services.TryAddSingleton<ChatRoom>();
        services.TryAddSingleton<DemoSessions>();
        services.TryAddSingleton<LifecycleMarker>();
        services.TryAddSingleton<TextStreams>();
        services.TryAddSingleton<TopicBacklog>();
        services.AddHostedService<DemoTopics>();
        services.AddHostedService<ChatHouseBot>();

        // The feeds add the rate limiter middleware (UseFeeds); these are the demos' own policies in it.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<DemosOptions>>((limiter, demos) =>
        {
            limiter.AddPolicy(DemoPostsPolicy.Name, new DemoPostsPolicy(demos));
            limiter.AddPolicy(DemoStreamsPolicy.Name, new DemoStreamsPolicy());
        });
        return builder;
    }

    /// <summary>Maps <c>/demos/chat/messages</c>, <c>/demos/chat/ws</c>, <c>/demos/text/stream</c> and <c>/demos/notifications/test</c>; nothing when the feeds are remote.</summary>
    public static WebApplication MapDemos(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Asks whether the hub is registered without building it: building it here would read
        // (and validate) the feeds' options before StartAsync, which is where a bad key must fail.
        if (app.Services.GetService<IServiceProviderIsService>()?.IsService(typeof(FeedHub)) != true)
        {
            return app;
        }

        var demos = app.MapGroup("/demos");
        demos.MapChatEndpoints(app);
        demos.MapTextEndpoints();
        demos.MapNotificationEndpoints();
        return app;
    }
}
