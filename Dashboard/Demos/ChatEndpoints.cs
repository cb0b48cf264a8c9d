using System.Globalization;
using System.Text.Json;
using Feeds.Hub;
using Feeds.Transports;
using Microsoft.Extensions.Options;

namespace Dashboard.Demos;

/// <summary>
/// The chat room's two ways in: <c>POST /demos/chat/messages</c> (the SSE side's return
/// direction) and the WebSocket <c>GET /demos/chat/ws?after=ID</c>, which both reads and writes.
/// </summary>
internal static class ChatEndpoints
{
    public static RouteGroupBuilder MapChatEndpoints(this RouteGroupBuilder demos, IEndpointRouteBuilder endpoints)
    {
        demos.MapPost("/chat/messages", PostAsync).RequireRateLimiting(DemoPostsPolicy.Name);

        // WebSockets middleware only for this endpoint, in its own little pipeline (as SignalR does),
        // so the rest of the app is unchanged. Pings keep idle proxies from cutting the socket.
        var socketPipeline = endpoints.CreateApplicationBuilder();
        socketPipeline.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        socketPipeline.Run(AcceptAsync);
        demos.Map("/chat/ws", socketPipeline.Build()).RequireRateLimiting(DemoStreamsPolicy.Name);
        return demos;
    }

    private static async Task<IResult> PostAsync(HttpContext context, ChatRoom room)
    {
        var body = await JsonBody.ReadObjectAsync(context, room.MaxPostBytes, $"{DemosOptions.SectionName}:{nameof(DemosOptions.ChatMaxLength)}").ConfigureAwait(false);
        if (!body.IsObject)
        {
            return body.Problem;
        }

        ChatPost? post;
        try
        {
            post = body.Value.Deserialize<ChatPost>(FeedJson.Options);
        }
        catch (JsonException)
        {
            return TypedResults.Problem("Send {\"author\": \"...\", \"text\": \"...\"}, both strings.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid message");
        }

        var posted = await room.PostAsync(post!, "post", context.RequestAborted).ConfigureAwait(false);
        return posted.Event is { } published
            ? TypedResults.Json(new { id = published.Id }, FeedJson.Options)
            : TypedResults.Problem(posted.Error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid message");
    }

    private static async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem("This is a WebSocket endpoint: connect with new WebSocket(\"ws://.../demos/chat/ws\").",
                statusCode: StatusCodes.Status400BadRequest, title: "WebSocket expected").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        long? after = null;
        var afterText = context.Request.Query["after"].ToString();
        if (afterText.Length > 0)
        {
            if (!long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                await TypedResults.Problem("after must be an event id (a whole number).", statusCode: StatusCodes.Status400BadRequest,
                    title: "Invalid request").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            after = id;
        }

        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatEndpoints).FullName!);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        // Subscribed before the upgrade is answered, as /feeds/ws does: a client may post (or see
        // another's post published) as soon as it sees the socket open, and that message must find
        // this socket's subscription already there.
        using var subscription = await services.GetRequiredService<FeedHub>().SubscribeAsync(ChatSocket.Filter, after, context.RequestAborted).ConfigureAwait(false);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        DemosLog.SocketOpened(logger, client);
        var demos = services.GetRequiredService<IOptions<DemosOptions>>().Value;
        using var chat = new ChatSocket(socket, services.GetRequiredService<ChatRoom>(), demos.PostsPerMinute, demos.SocketMessagesPerSecond);
        var reason = await chat.RunAsync(subscription, context.RequestAborted).ConfigureAwait(false);
        DemosLog.SocketClosed(logger, client, reason);
    }
}
