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
            TransportsLog.Refused(logger, problem.StatusCode, problem.ProblemDetails.Detail ?? "");
            return problem;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            TransportsLog.Refused(logger, StatusCodes.Status400BadRequest, "not a WebSocket request");
            return FeedProblems.BadRequest("This endpoint speaks WebSocket: open it with new WebSocket('ws://.../feeds/ws?topic=...'). For plain HTTP use /feeds/sse or /feeds/poll.");
        }

        return new WebSocketStreamResult(request, hub, options.Value.Sse, streamLog, time, lifetime, logger);
    }
}
