using Feeds.Hub;
using Feeds.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Transports;

/// <summary>
/// <c>GET /feeds/ws?topic=A&amp;topic=B/*</c> as a WebSocket: the same topics, ids, checks and limits
/// as SSE, each event one JSON text message. Resume with <c>lastEventId</c> in the query, since a
/// browser's WebSocket cannot set headers.
/// </summary>
internal static class WebSocketEndpoint
{
    public static RouteGroupBuilder MapWebSocketEndpoint(this RouteGroupBuilder group)
    {
        group.MapGet("/ws", Accept).WithMetadata(StreamEndpointMetadata.Instance);
        return group;
    }

    private static IResult Accept(
        HttpContext context,
        StreamGate gate,
        FeedHub hub,
        StreamLog streamLog,
        IOptions<FeedsOptions> options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<WebSocketStreamResult> logger)
    {
        if (!gate.TryAdmit(context, out var request, out var problem))
        {
            return problem;
        }

        if (!OriginAllowed(context.Request, options.Value.Cors))
        {
            TransportsLog.Refused(logger, StatusCodes.Status403Forbidden, "WebSocket from another origin");
            return FeedProblems.Forbidden($"Pages on {context.Request.Headers.Origin} may not open this stream; Feeds:Cors:Origins lists the origins that may.");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            TransportsLog.Refused(logger, StatusCodes.Status400BadRequest, "not a WebSocket request");
            return FeedProblems.BadRequest("This endpoint speaks WebSocket: open it with new WebSocket('ws://.../feeds/ws?topic=...'). For plain HTTP use /feeds/sse or /feeds/poll.");
        }

        return new WebSocketStreamResult(request, hub, options.Value.Sse, streamLog, time, lifetime, logger);
    }

    /// <summary>
    /// Browsers apply no CORS to WebSockets; they only send <c>Origin</c>. Checking it here keeps
    /// the same rule as the other transports: this origin, or one in <c>Feeds:Cors:Origins</c>.
    /// Clients that are not browsers send no Origin and are not affected.
    /// </summary>
    private static bool OriginAllowed(HttpRequest request, FeedsCorsOptions cors)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || cors.Origins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
