using Dashboard.Alerts;
using Dashboard.Components;
using Dashboard.Components.Controls;
using Dashboard.Demos;
using Dashboard.Inspector;
using Dashboard.Options;
using Dashboard.Relay;
using Feeds;
using Feeds.Client;
using Feeds.Transports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard;

/// <summary>Wires the dashboard: <c>builder.AddDashboard()</c> and <c>app.MapDashboard()</c>.</summary>
public static class DashboardExtensions
{
    /// <summary>The named client that reaches the feeds server: the relay's streams and its topic catalog.</summary>
    internal const string FeedsHttpClient = "feeds";

    /// <summary>True unless <c>Dashboard:FeedsUrl</c> names a remote feeds server.</summary>
    public static bool HostsFeeds(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return string.IsNullOrWhiteSpace(builder.Configuration[$"{DashboardOptions.SectionName}:{nameof(DashboardOptions.FeedsUrl)}"]);
    }

    /// <summary>Registers the Blazor components, MudBlazor, the relay and the dashboard's options (validated at start).</summary>
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        // A feed stream never ends by itself: no client timeout.
        services.AddHttpClient(FeedsHttpClient).ConfigureHttpClient((sp, client) =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
            var key = sp.GetRequiredService<IOptions<DashboardOptions>>().Value.FeedsKey;
            if (key.Length > 0)
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            }

            // Only with the feeds in this process, where this client connects to nothing but this
            // process's own listener: the pass keeps the relay's streams clear of the stream limits.
            if (sp.GetService<RelayPass>() is { } pass)
            {
                client.DefaultRequestHeaders.Add(RelayPass.HeaderName, pass.Value);
            }
        }).ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
        {
            // A redirect would carry the pass, which unlike Authorization is not stripped, to wherever it points.
            AllowAutoRedirect = sp.GetService<RelayPass>() is null,
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FeedClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(FeedsHttpClient),
            options: null,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FeedClient>>()));
        services.AddInspectorProxy();
        services.TryAddSingleton<FeedsAddress>();
        services.TryAddSingleton<IRelayUpstream, SseRelayUpstream>();
        services.TryAddSingleton<FeedRelay>();
        services.TryAddSingleton<FeedTopics>();
        services.TryAddScoped<PageControls>();
        services.TryAddSingleton<AlertAcknowledgements>();
        services.AddHostedService<RelayWarmup>();
        if (builder.HostsFeeds())
        {
            builder.AddDemos();
        }

        return builder;
    }

    /// <summary>
    /// The error page for anything unhandled, outside every other middleware, so that the feeds'
    /// own handling (503 while the backplane's database is away) runs before it.
    /// </summary>
    public static WebApplication UseDashboardErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        return app;
    }

    /// <summary>Maps the pages and their static assets.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapInspectorProxy();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapDemos();
        return app;
    }
}
