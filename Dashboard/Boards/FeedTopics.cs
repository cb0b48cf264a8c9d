using System.Net.Http.Json;
using Dashboard.Relay;
using Feeds.Hub;

namespace Dashboard.Boards;

/// <summary>
/// The topics the feeds server offers (<c>GET /feeds/topics</c>), read over HTTP like the relay's
/// streams, so /explore lists the same topics whether the feeds are in this process or remote.
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
}
