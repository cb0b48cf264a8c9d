using Feeds.Telemetry;

namespace Dashboard.Telemetry;

/// <summary>
/// Creates the instruments' owners as the host starts, not at first use: an observable instrument
/// exists only once its owner does, and a scrape before the first circuit must already see it.
/// A hosted service rather than a lookup while the app is built, so bad options still fail at start.
/// </summary>
internal sealed class MetricsWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<DashboardMetrics>();

        // Absent when the feeds run elsewhere (Dashboard:FeedsUrl).
        services.GetService<FeedsMetrics>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
