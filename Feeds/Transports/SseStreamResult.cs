using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Feeds.Client;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Feeds.Transports;

/// <summary>
/// One SSE response: subscribes to the hub, then a single loop writes the replay, the live events
/// and heartbeats until the client goes away, the app stops, or the subscription ends (a consumer
/// too slow for its queue: the response just ends and the client resumes with Last-Event-ID).
/// The hub knows nothing of HTTP; this knows nothing of how events are produced.
/// </summary>
internal sealed class SseStreamResult(
    SseRequest request,
    FeedHub hub,
    SseOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger logger) : IResult
{
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();
    private long _sent;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // Without ApplicationStopping an open stream would hold shutdown until the host's timeout.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        var topics = request.Filter.ToString();

        // Subscribe before the response starts: a failure here can still be an honest 500.
        FeedSubscription subscription;
        try
        {
            subscription = await hub.SubscribeAsync(request.Filter, request.AfterId, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        using (subscription)
        {
            TransportsLog.StreamOpened(logger, topics, request.AfterId);
            var body = StartResponse(httpContext);
            string reason;
            try
            {
                await WritePreambleAsync(body, topics, cancellationToken).ConfigureAwait(false);
                await SseFormatter.WriteAsync(ItemsAsync(subscription, body, cancellationToken), body, cancellationToken).ConfigureAwait(false);
                reason = subscription.EndReason switch
                {
                    SubscriptionEndReason.Overflow => "the client fell behind its queue",
                    SubscriptionEndReason.Shutdown => "the hub is stopping",
                    _ => "the subscription ended",
                };
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException)
            {
                reason = httpContext.RequestAborted.IsCancellationRequested ? "the client went away" : "the app is stopping";
            }

            TransportsLog.StreamEnded(logger, topics, _sent, reason);
        }
    }

    private static Stream StartResponse(HttpContext httpContext)
    {
        // Compression would hold events back until a block fills. Response compression decides
        // lazily, from the request's Accept-Encoding, at the first write; with the header gone it
        // never picks an encoding, whatever MIME types the app has opted in. HTTPS has its own switch.
        httpContext.Request.Headers.AcceptEncoding = default;
        if (httpContext.Features.Get<IHttpsCompressionFeature>() is { } https)
        {
            https.Mode = HttpsCompressionMode.DoNotCompress;
        }

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";

        // nginx buffers proxied responses unless told not to.
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        return response.Body;
    }

    private async Task WritePreambleAsync(Stream body, string topics, CancellationToken cancellationToken)
    {
        // retry: first, so a client that drops before any event still knows how long to wait;
        // the flush sends the headers at once, so EventSource opens without waiting for an event.
        var preamble = string.Create(CultureInfo.InvariantCulture, $"retry: {options.RetryMs}\n: feeds {topics}\n\n");
        await body.WriteAsync(Encoding.UTF8.GetBytes(preamble), cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The single writer loop: next event, or a heartbeat after a quiet interval, until the
    /// subscription ends. SseFormatter writes and flushes each item before it asks for the next
    /// (System.Net.ServerSentEvents 10.0.14, SseFormatter.WriteAsyncCore), so while this method
    /// runs the formatter has no write in flight and writing the heartbeat comment straight to
    /// the body cannot interleave with an event. The formatter has no way to write a comment.
    /// </summary>
    private async IAsyncEnumerable<SseItem<string>> ItemsAsync(FeedSubscription subscription, Stream body,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (subscription.Replay is { Complete: false } replay)
        {
            TransportsLog.ResetSent(logger, request.Filter.ToString(), request.AfterId ?? 0, replay.OldestAvailableId);
            yield return new SseItem<string>(ResetData(replay.OldestAvailableId), FeedReset.EventType);
        }

        var reader = subscription.Reader;
        var quiet = TimeSpan.FromSeconds(options.HeartbeatSeconds);

        // One wait outlives heartbeats, so an idle stream does not pile up waiters on the channel.
        Task<bool>? waiting = null;
        while (true)
        {
            while (reader.TryRead(out var feedEvent))
            {
                _sent++;
                yield return ToItem(feedEvent);
            }

            waiting ??= reader.WaitToReadAsync(cancellationToken).AsTask();
            bool more;
            try
            {
                more = await waiting.WaitAsync(quiet, time, cancellationToken).ConfigureAwait(false);
                waiting = null;
            }
            catch (TimeoutException)
            {
                await body.WriteAsync(Heartbeat, cancellationToken).ConfigureAwait(false);
                await body.FlushAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!more)
            {
                yield break;
            }
        }
    }

    private static SseItem<string> ToItem(FeedEvent feedEvent) =>
        new(feedEvent.Data, feedEvent.Type) { EventId = feedEvent.Id.ToString(CultureInfo.InvariantCulture) };

    private string ResetData(long oldestAvailableId)
    {
        var reset = JsonSerializer.SerializeToElement(new FeedReset(request.AfterId ?? 0, oldestAvailableId), FeedJson.Options);
        return FeedHub.BuildData("", time.GetUtcNow().ToUnixTimeMilliseconds(), reset);
    }
}
