using Microsoft.AspNetCore.Routing;

namespace Feeds.Transports;

internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder group) => group;
}
