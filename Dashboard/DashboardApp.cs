using Dashboard.Security;
using Dashboard.Telemetry;
using Feeds;
using Microsoft.Extensions.Options;

namespace Dashboard;

/// <summary>
/// Builds the one executable: the feeds in-process unless <c>Dashboard:FeedsUrl</c> points
/// elsewhere, then the dashboard. Program.cs runs it; the real-server tests start the same thing.
/// </summary>
public static class DashboardApp
{
    /// <summary>
    /// Runs the app until it is stopped. A start-up failure an operator fixes in configuration (a bad
    /// option, a port in use, a database that refuses the login) prints one line per problem on
    /// stderr, naming the key, and returns 1; anything else is a bug and keeps its stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await using var app = Build(args);

            // Every bad option at once, before any service is made: the host would stop at the first.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } problems)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return 1;
        }
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,

            // appsettings.json is copied next to the binaries from the repository root, the one
            // place a user edits; the binaries' folder is the root whichever directory we start in.
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Serves wwwroot and the packages' assets (MudBlazor) from the build output in every
        // environment, not only Development; a published app has them in wwwroot instead.
        builder.WebHost.UseStaticWebAssets();

        // The host logs a failed start with its stack trace, then throws; RunAsync reports it instead.
        // A background service that fails is still logged, at Critical, as the host stops for it.
        builder.Logging.AddFilter(HostCategory, LogLevel.Critical);

        var hostsFeeds = builder.HostsFeeds();
        if (hostsFeeds)
        {
            builder.AddFeeds();
        }

        builder.AddDashboard();
        builder.AddTelemetry();

        var app = builder.Build();
        app.UseDashboardErrors();
        app.UseSecurityHeaders();
        if (hostsFeeds)
        {
            app.UseFeeds();
            app.MapFeeds();
        }

        app.MapDashboard();
        app.MapTelemetry();
        return app;
    }

    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
}
