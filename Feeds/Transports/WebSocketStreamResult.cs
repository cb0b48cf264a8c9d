using System.Globalization;
using System.Net.WebSockets;
using Feeds.Client;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Feeds.Transports;

/// <summary>
/// One WebSocket stream: subscribes, accepts, then one loop sends the replay and the live events
/// while a second only listens for the client's close. WebSocket pings every heartbeat interval
/// keep proxies from closing it and find a client that has silently gone. How it ends says what
/// to do next: 1000 after <c>maxEvents</c> (done), 1001 when the server stops (come back after the
/// delay in the reason), 1008 when the client sent a message (it may send nothing but its close).
/// A client that fell behind its queue, or whose write waits too long, has its connection reset by
/// the <see cref="WriteWatchdog"/> (1013 when the close gets out before the reset): come back now,
/// with lastEventId.
/// </summary>
internal sealed class WebSocketStreamResult(
    StreamRequest request,
    FeedHub hub,
    SseOptions options,
    StreamLog streamLog,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger logger) : IResult
{
    /// <summary>"Try again later" (RFC 6455 registry); the enum has no name for it.</summary>
    internal const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    /// <summary>
    /// What the listener reads of data messages, in all, before it stops reading: the first one
    /// already ends the stream; the rest is read only to be dropped, so that a client still
    /// sending when the close went out gets the close rather than a reset (closing a socket with
    /// unread data resets it). This bounds what a client that keeps sending costs.
    /// </summary>
    internal const int MaxIncomingBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private long _sent;
    private WriteWatchdog? _watchdog;
    private string? _refused;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var aborted = httpContext.RequestAborted;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        var topics = request.Filter.ToString();

        FeedSubscription subscription;
        try
        {
            subscription = await hub.SubscribeAsync(request.Filter, request.AfterId, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }

        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using (subscription)
        using (var watchdog = new WriteWatchdog(httpContext, subscription, options.WriteTimeoutSeconds, time, logger))
        {
            _watchdog = watchdog;
            var heartbeat = TimeSpan.FromSeconds(options.HeartbeatSeconds);
            using var socket = await httpContext.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                KeepAliveInterval = heartbeat,
                KeepAliveTimeout = heartbeat * 2,
            }).ConfigureAwait(false);
            var number = streamLog.Opened("ws", topics, client, request.AfterId);
            TransportsLog.StreamOpened(logger, topics, request.AfterId);

            using var clientGone = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            var listening = ListenAsync(socket, subscription, clientGone);
            var reason = "";
            try
            {
                reason = await SendAsync(socket, subscription, stop.Token, clientGone.Token).ConfigureAwait(false);

                // The server has sent its close: the listener ends when the client's close arrives.
                // Cancelling it sooner would abort the socket and the client would see a reset.
                await listening.WaitAsync(CloseHandshakeTimeout, time, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                reason += "; the client did not answer the close";
            }
            catch (Exception ex) when (clientGone.IsCancellationRequested && ex is OperationCanceledException or WebSocketException or IOException)
            {
                reason = "the client went away";
            }
            catch (WebSocketException ex)
            {
                reason = $"the connection failed: {ex.Message}";
            }

            await clientGone.CancelAsync().ConfigureAwait(false);
            await listening.ConfigureAwait(false);
            reason = watchdog.Reason ?? Volatile.Read(ref _refused) ?? reason;
            TransportsLog.StreamEnded(logger, topics, _sent, reason);
            streamLog.Ended(number, "ws", topics, client, _sent, reason);
        }
    }

    /// <summary>Sends until the stream has a reason to end, closes with the matching status, and returns the reason.</summary>
    private async Task<string> SendAsync(WebSocket socket, FeedSubscription subscription, CancellationToken stopWaiting, CancellationToken clientGone)
    {
        if (subscription.Replay is { Complete: false } replay)
        {
            TransportsLog.ResetSent(logger, request.Filter.ToString(), request.AfterId ?? 0, replay.OldestAvailableId);
            await SendTextAsync(socket, FeedEventJson.SerializeControl(FeedReset.EventType, ControlEvents.Reset(request, replay, time)), clientGone).ConfigureAwait(false);
        }

        var reader = subscription.Reader;
        var stopping = false;
        while (true)
        {
            if (Volatile.Read(ref _refused) is { } refused)
            {
                await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, "this stream takes no messages", clientGone).ConfigureAwait(false);
                return refused;
            }

            while (reader.TryRead(out var feedEvent))
            {
                await SendTextAsync(socket, FeedEventJson.Serialize(feedEvent), clientGone).ConfigureAwait(false);
                _sent++;
                if (_sent == request.MaxEvents)
                {
                    await SendTextAsync(socket, FeedEventJson.SerializeControl(FeedEnd.EventType, ControlEvents.End(_sent, time)), clientGone).ConfigureAwait(false);
                    await CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "maxEvents reached", clientGone).ConfigureAwait(false);
                    return $"maxEvents {request.MaxEvents} reached";
                }
            }

            if (stopping || subscription.EndReason == SubscriptionEndReason.Shutdown)
            {
                // What was queued has gone out; spread the clients' return as SSE's retry: does.
                var retry = options.RetryMs + Random.Shared.Next(options.ShutdownRetryJitterMs + 1);
                await CloseAsync(socket, WebSocketCloseStatus.EndpointUnavailable,
                    string.Create(CultureInfo.InvariantCulture, $"server stopping; reconnect in {retry} ms"), clientGone).ConfigureAwait(false);
                return "the app is stopping";
            }

            if (subscription.EndReason == SubscriptionEndReason.Overflow)
            {
                await CloseAsync(socket, TryAgainLater, "fell behind its queue; reconnect with lastEventId", clientGone).ConfigureAwait(false);
                return "the client fell behind its queue";
            }

            try
            {
                if (!await reader.WaitToReadAsync(stopWaiting).ConfigureAwait(false) && subscription.EndReason is not SubscriptionEndReason.Overflow and not SubscriptionEndReason.Shutdown)
                {
                    return "the subscription ended";
                }
            }
            catch (OperationCanceledException) when (stopWaiting.IsCancellationRequested && !clientGone.IsCancellationRequested)
            {
                stopping = true;
            }
        }
    }

    private ValueTask SendTextAsync(WebSocket socket, ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        _watchdog!.Watch(socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken));

    /// <summary>Starts the close handshake; a client that does not take the close within a few seconds is cut off.</summary>
    private async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason, CancellationToken clientGone)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(clientGone);
        deadline.CancelAfter(CloseHandshakeTimeout);
        try
        {
            await socket.CloseOutputAsync(status, reason, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            socket.Abort();
            if (!clientGone.IsCancellationRequested)
            {
                _watchdog!.Cut("the client did not take the close");
            }
        }
    }

    /// <summary>
    /// Reads what the client sends, which must be nothing but its close. Any data message breaks
    /// that rule: the sender closes with 1008 at once, and this goes on only to take the client's
    /// close (within the close handshake's 5 s), stopping once <see cref="MaxIncomingBytes"/> of data have come in all (a size per
    /// message would reset at each message's end, and a flood of small ones never stop). Cancels
    /// <paramref name="clientGone"/> when the client closes or the connection breaks; not when it
    /// stops reading for the budget, so that the sender's 1008 still goes out.
    /// </summary>
    private async Task ListenAsync(WebSocket socket, FeedSubscription subscription, CancellationTokenSource clientGone)
    {
        var buffer = new byte[1024];
        var dataBytes = 0;
        try
        {
            while (!clientGone.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), clientGone.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                    }

                    break;
                }

                dataBytes += received.Count;
                if (Volatile.Read(ref _refused) is null)
                {
                    Volatile.Write(ref _refused, "the client sent a message; this stream takes none");
                    subscription.Interrupt();
                }

                if (dataBytes >= MaxIncomingBytes)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
        }

        await clientGone.CancelAsync().ConfigureAwait(false);
    }
}
