using Feeds.Hub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Feeds.Transports;

/// <summary><c>GET /feeds/topics</c> and <c>GET /feeds/stats</c>: what the server offers, and how busy it is.</summary>
internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder group)
    {
        // FeedJson rather than the app's JSON options: the wire shape must not change with the host's settings.
        group.MapGet("/topics", static (TopicCatalog catalog) => TypedResults.Json(catalog.All(), FeedJson.Options));
        group.MapGet("/stats", static (FeedHub hub, FeedStats stats) =>
            TypedResults.Json(new StatsResponse(hub.SubscriberCount, stats.Published, stats.Dropped, stats.Topics()), FeedJson.Options));
        return group;
    }
}
