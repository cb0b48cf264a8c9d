namespace Dashboard.Relay;

/// <summary>
/// Opens the feeds the pages show as soon as the server listens, so the first visitor finds
/// the relay's windows already full instead of empty charts.
/// </summary>
internal sealed class RelayWarmup(FeedRelay relay, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var pattern in DashboardFeeds.All)
            {
                relay.Feed(pattern);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
