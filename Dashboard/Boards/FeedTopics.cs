using System.Net.Http.Json;
using Dashboard.Relay;
using Feeds.Hub;
using Feeds.Sources.Prometheus;

namespace Dashboard.Boards;

/// <summary>
/// The topics the feeds server offers (<c>GET /feeds/topics</c>), read over HTTP like the relay's
/// streams, so /explore and /monitoring's Prometheus section list the same topics whether the feeds are in this process or remote.
/// </summary>
internal sealed class FeedTopics(IHttpClientFactory httpClients, FeedsAddress address)
{
    /// <summary>A feeds server slower than this is reported, not waited for: the page must not hang on it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<TopicInfo>> ListAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var client = httpClients.CreateClient(DashboardExtensions.FeedsHttpClient);
        var topics = await client.GetFromJsonAsync<List<TopicInfo>>(new Uri(address.BaseUri, "feeds/topics"), FeedJson.Options, timeout.Token)
            .ConfigureAwait(false);
        return topics ?? [];
    }

    /// <summary>The topics Prometheus queries publish on (their events are <c>prometheus</c>), in catalog order.</summary>
    public async Task<IReadOnlyList<TopicInfo>> PrometheusAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(t => t.Type == PrometheusResult.EventType).ToArray();
}
