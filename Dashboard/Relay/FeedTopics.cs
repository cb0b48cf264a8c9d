using System.Net.Http.Json;
using System.Text.Json;
using Feeds.Hub;
using Feeds.Sources.Prometheus;

namespace Dashboard.Relay;

/// <summary>
/// The feeds server's topic catalog (<c>GET /feeds/topics</c>), read over the relay's own client
/// and address, so it is the same whether the feeds run in this process or on another machine.
/// </summary>
internal sealed class FeedTopics(IHttpClientFactory clients, FeedsAddress address, ILogger<FeedTopics> logger)
{
    /// <summary>The feeds client has no timeout (its streams never end); a catalog answer has this long.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Every topic the feeds server declares; empty, with a warning logged, when it cannot be read.</summary>
    public async Task<IReadOnlyList<TopicInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(address.BaseUri, "feeds/topics");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var client = clients.CreateClient(DashboardExtensions.FeedsHttpClient);
            return await client.GetFromJsonAsync<TopicInfo[]>(url, FeedJson.Options, timeout.Token).ConfigureAwait(false) ?? [];
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            RelayLog.TopicsUnavailable(logger, url, exception);
            return [];
        }
    }

    /// <summary>The topics a Prometheus query publishes on, in catalog order.</summary>
    public async Task<IReadOnlyList<TopicInfo>> PrometheusAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(t => t.Type == PrometheusResult.EventType).ToArray();
}
