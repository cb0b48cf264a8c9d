using Dashboard.Boards;

namespace Dashboard.Relay;

/// <summary>
/// Opens the feeds the pages show as soon as the server listens, so the first visitor finds
/// the relay's windows already full instead of empty charts: the fixed ones, and the topics of
/// the Prometheus queries the feeds server declares.
/// </summary>
internal sealed class RelayWarmup(FeedRelay relay, FeedTopics topics, FeedsAddress address, IHostApplicationLifetime lifetime, ILogger<RelayWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var pattern in DashboardFeeds.All)
            {
                relay.Feed(pattern);
            }

            _ = OpenPrometheusTopicsAsync(lifetime.ApplicationStopping);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task OpenPrometheusTopicsAsync(CancellationToken stopping)
    {
        try
        {
            foreach (var topic in await topics.PrometheusAsync(stopping).ConfigureAwait(false))
            {
                relay.Feed(topic.Topic);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException)
        {
            // The panels open their topics themselves when first shown; only the head start is lost.
            RelayLog.TopicsUnavailable(logger, new Uri(address.BaseUri, "feeds/topics"), exception);
        }
    }
}
