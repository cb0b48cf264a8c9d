using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Sources.Prometheus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Feeds.Transports;

/// <summary><c>GET /feeds/topics</c>, <c>GET /feeds/stats</c> and <c>GET /feeds/streams</c>: what the server offers, how busy it is, and the streams lately opened and ended.</summary>
internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder group)
    {
        // FeedJson rather than the app's JSON options: the wire shape must not change with the host's settings.
        group.MapGet("/topics", static (TopicCatalog catalog) => TypedResults.Json(catalog.All(), FeedJson.Options));
        group.MapGet("/stats", static (FeedHub hub, FeedStats stats, IFeedBackplane backplane, IFeedLeadership leadership, IOptions<FeedsOptions> options, StreamLog streams, PrometheusQueryStates prometheus) =>
            TypedResults.Json(
                new StatsResponse(hub.SubscriberCount, stats.Published, stats.Dropped, stats.Topics(), new ClusterStats(
                    options.Value.Backplane.Kind.ToString(), leadership.Instance, leadership.Leader, leadership.IsLeader, hub.LastId, backplane.Problem),
                    streams.OpenByTransport(), prometheus.All()),
                FeedJson.Options));
        group.MapGet("/streams", static (StreamLog log) => TypedResults.Json(log.Recent(), FeedJson.Options));
        return group;
    }
}
