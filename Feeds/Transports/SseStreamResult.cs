using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
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
/// and heartbeats until the client goes away, the app stops, the request's <c>maxEvents</c> is
/// reached, or the subscription ends. A consumer too slow for its queue, or one write that waits
/// on the client too long, has its connection reset by the <see cref="WriteWatchdog"/>, and the
/// client resumes with Last-Event-ID. The hub knows nothing of HTTP; this knows nothing of how
/// events are produced.
/// </summary>
internal sealed class SseStreamResult(
    StreamRequest request,
    FeedHub hub,
    SseOptions options,
    StreamLog streamLog,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger logger) : IResult
{
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();
    private long _sent;
    private bool _stopping;
    private bool _ended;
    private WriteWatchdog? _watchdog;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // Writes stop only when the client goes; waiting also stops when the app does, so that the
        // stream can still hand over what is queued and say when to come back.
        var aborted = httpContext.RequestAborted;
        var topics = request.Filter.ToString();

        // Subscribe before the response starts: a failure here can still be an honest 500.
        FeedSubscription subscription;
        try
        {
            subscription = await hub.SubscribeAsync(request.Filter, request.AfterId, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return;
        }

        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using (subscription)
        using (var watchdog = new WriteWatchdog(httpContext, subscription, options.WriteTimeoutSeconds, time, logger))
        {
            _watchdog = watchdog;
            TransportsLog.StreamOpened(logger, topics, request.AfterId);
            var number = streamLog.Opened("sse", topics, client, request.AfterId);
            var body = StartResponse(httpContext);
            string reason;
            try
            {
                await WritePreambleAsync(body, topics, aborted).ConfigureAwait(false);
                await PumpAsync(subscription, body, aborted).ConfigureAwait(false);
                if (_stopping || subscription.EndReason == SubscriptionEndReason.Shutdown)
                {
                    await WriteComeBackLaterAsync(body, aborted).ConfigureAwait(false);
                }

                reason = _ended ? $"maxEvents {request.MaxEvents} reached"
                    : _stopping ? "the app is stopping"
                    : subscription.EndReason switch
                    {
                        SubscriptionEndReason.Overflow => "the client fell behind its queue",
                        SubscriptionEndReason.Shutdown => "the hub is stopping",
                        _ => "the subscription ended",
                    };
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && (aborted.IsCancellationRequested || watchdog.Reason is not null))
            {
                reason = watchdog.Reason ?? "the client went away";
            }

            TransportsLog.StreamEnded(logger, topics, _sent, reason);
            streamLog.Ended(number, "sse", topics, client, _sent, reason);
        }
    }

    private static PipeWriter StartResponse(HttpContext httpContext)
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

        // Events go to the pipe, not the Stream: Kestrel's PipeWriter takes the bytes into its own
        // pooled buffers, where the Stream adapter would copy them through another one.
        return response.BodyWriter;
    }

    private async Task WritePreambleAsync(PipeWriter body, string topics, CancellationToken cancellationToken)
    {
        // retry: first, so a client that drops before any event still knows how long to wait;
        // the flush sends the headers at once, so EventSource opens without waiting for an event.
        // id: where this stream starts (read after subscribing): an id without data dispatches no
        // event but sets lastEventId, so a client that drops before its first event resumes from
        // here instead of reconnecting without Last-Event-ID and missing what came in between.
        var preamble = string.Create(CultureInfo.InvariantCulture, $"retry: {options.RetryMs}\nid: {request.AfterId ?? hub.LastId}\n: feeds {topics}\n\n");
        Encoding.UTF8.GetBytes(preamble, body);
        await FlushAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The server is going away: a <c>retry:</c> of its own for each stream, spread over the jitter
    /// window, so the clients of a restarting server come back over seconds rather than all at once.
    /// A retry field with no data dispatches no event; EventSource just takes the new delay.
    /// </summary>
    private async Task WriteComeBackLaterAsync(PipeWriter body, CancellationToken cancellationToken)
    {
        var retry = options.RetryMs + Random.Shared.Next(options.ShutdownRetryJitterMs + 1);
        var goodbye = string.Create(CultureInfo.InvariantCulture, $"retry: {retry}\n: server stopping; reconnect in {retry} ms\n\n");
        Encoding.UTF8.GetBytes(goodbye, body);
        await FlushAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The single writer loop: every event queued, then one flush, then wait for the next or for a
    /// quiet interval (a heartbeat), until the subscription ends. One flush per batch rather than
    /// per event: a stream that fell behind catches up in a few large writes instead of many
    /// small ones, and one that keeps up still sends each event as soon as it is queued.
    /// </summary>
    private async Task PumpAsync(FeedSubscription subscription, PipeWriter body, CancellationToken aborted)
    {
        if (subscription.Replay is { Complete: false } replay)
        {
            TransportsLog.ResetSent(logger, request.Filter.ToString(), request.AfterId ?? 0, replay.OldestAvailableId);
            body.Write(SseFrame.Format(FeedReset.EventType, ControlEvents.Reset(request, replay, time), id: null));
        }

        var reader = subscription.Reader;
        using var quiet = new QuietWait(options.HeartbeatSeconds, time, subscription, aborted, lifetime.ApplicationStopping);
        while (true)
        {
            // Also after the app starts stopping: what is queued was promised to this client.
            while (reader.TryRead(out var feedEvent))
            {
                _sent++;
                body.Write(SseFrame.Of(feedEvent).Span);
                if (_sent == request.MaxEvents)
                {
                    _ended = true;
                    body.Write(SseFrame.Format(FeedEnd.EventType, ControlEvents.End(_sent, time), id: null));
                    await FlushAsync(body, aborted).ConfigureAwait(false);
                    return;
                }
            }

            if (body.UnflushedBytes > 0)
            {
                await FlushAsync(body, aborted).ConfigureAwait(false);
            }

            if (_stopping)
            {
                return;
            }

            switch (quiet.Stopping ? QuietWait.Outcome.Stopping : quiet.Woke(await quiet.WaitAsync().ConfigureAwait(false)))
            {
                case QuietWait.Outcome.Ready:
                    break;
                case QuietWait.Outcome.Quiet:
                    body.Write(Heartbeat);
                    break;
                case QuietWait.Outcome.Stopping:
                    // The app is stopping: one more pass drains the queue, then the stream ends.
                    _stopping = true;
                    break;
                default:
                    if (body.UnflushedBytes > 0)
                    {
                        await FlushAsync(body, aborted).ConfigureAwait(false);
                    }

                    return;
            }
        }
    }

    private async ValueTask FlushAsync(PipeWriter body, CancellationToken aborted)
    {
        var flushed = await _watchdog!.Watch(body.FlushAsync(aborted)).ConfigureAwait(false);
        if (flushed.IsCompleted || flushed.IsCanceled)
        {
            // The connection is gone (or going): the same outcome as a cancelled write.
            throw new OperationCanceledException(aborted);
        }
    }
}
