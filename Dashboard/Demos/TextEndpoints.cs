using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Feeds.Hub;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Demos;

/// <summary>
/// <c>GET /demos/text/stream?unit=token|sentence</c>: the paragraph, one piece per SSE event
/// (<c>event: token</c>, <c>id:</c> its index), then <c>event: done</c>. A stream of its own rather
/// than a hub topic: like a language model's answer, it exists only for the one reader who asked.
/// </summary>
internal static class TextEndpoints
{
    public static RouteGroupBuilder MapTextEndpoints(this RouteGroupBuilder demos)
    {
        demos.MapGet("/text/stream", StreamAsync).RequireRateLimiting(DemoStreamsPolicy.Name);
        return demos;
    }

    private static async Task StreamAsync(HttpContext context, IOptions<DemosOptions> options, TextStreams streams, TimeProvider time, ILoggerFactory loggers)
    {
        var unit = context.Request.Query["unit"].ToString() is "sentence" ? "sentence" : "token";
        var pieces = Paragraph.In(unit);

        // EventSource resends the last id it saw when it reconnects: carry on after it.
        var start = long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? (int)Math.Min(last + 1, pieces.Count)
            : 0;
        var pause = TimeSpan.FromMilliseconds(options.Value.TextTokenMs * (unit == "sentence" ? 8 : 1));

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();

        var logger = loggers.CreateLogger(typeof(TextEndpoints).FullName!);
        var sent = start;
        streams.Opened();
        try
        {
            await SseFormatter.WriteAsync(PiecesAsync(), response.Body, context.RequestAborted).ConfigureAwait(false);
            DemosLog.TextEnded(logger, sent, pieces.Count, "finished");
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            DemosLog.TextEnded(logger, sent, pieces.Count, "the client went away");
        }
        finally
        {
            streams.Closed();
        }

        async IAsyncEnumerable<SseItem<string>> PiecesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            // A short retry, so a dropped stream resumes quickly; the first event flushes the headers.
            yield return new SseItem<string>(Json(new { unit, total = pieces.Count, from = start }), "start") { ReconnectionInterval = TimeSpan.FromSeconds(1) };
            for (var i = start; i < pieces.Count; i++)
            {
                await Task.Delay(pause, time, context.RequestAborted).ConfigureAwait(false);
                sent = i + 1;
                yield return new SseItem<string>(Json(new { i, text = pieces[i] }), "token") { EventId = i.ToString(CultureInfo.InvariantCulture) };
            }

            yield return new SseItem<string>(Json(new { total = pieces.Count }), "done");
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, FeedJson.Options);
}
