using Feeds.Hub;
using Feeds.Options;

namespace Dashboard.Demos;

/// <summary>
/// <c>POST /demos/notifications/test</c>: puts a test alert on <c>alerts</c> through the hub, for
/// the notifications demo. The page needs no publishing key; the posts limit keeps it a demo.
/// </summary>
internal static class NotificationEndpoints
{
    public const string EventType = "alert";

    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder demos)
    {
        demos.MapPost("/notifications/test", PublishAsync).RequireRateLimiting(DemoPostsPolicy.Name);
        return demos;
    }

    private static async Task<IResult> PublishAsync(HttpContext context, FeedHub hub, TimeProvider time, ILoggerFactory loggers)
    {
        var now = time.GetLocalNow().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var published = await hub.PublishAsync(PublishOptions.AlertsTopic, EventType, new
        {
            severity = "info",
            title = "Test alert",
            message = $"Sent from the notifications demo at {now}.",
        }, context.RequestAborted).ConfigureAwait(false);
        DemosLog.TestAlert(loggers.CreateLogger(typeof(NotificationEndpoints).FullName!), published.Id, DemoClient.Address(context));
        return TypedResults.Json(new { id = published.Id }, FeedJson.Options);
    }
}
