using Microsoft.AspNetCore.Routing;

namespace Feeds.Transports;

internal static class SseEndpoint
{
    public static RouteGroupBuilder MapSseEndpoint(this RouteGroupBuilder group) => group;
}
