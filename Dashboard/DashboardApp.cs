using Dashboard.Security;
using Feeds;

namespace Dashboard;

/// <summary>
/// Builds the one executable: the feeds in-process unless <c>Dashboard:FeedsUrl</c> points
/// elsewhere, then the dashboard. Program.cs runs it; the real-server tests start the same thing.
/// </summary>
public static class DashboardApp
{
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

        var hostsFeeds = builder.HostsFeeds();
        if (hostsFeeds)
        {
            builder.AddFeeds();
        }

        builder.AddDashboard();

        var app = builder.Build();
        app.UseDashboardErrors();
        app.UseSecurityHeaders();
        if (hostsFeeds)
        {
            app.UseFeeds();
            app.MapFeeds();
        }

        app.MapDashboard();
        return app;
    }
}
