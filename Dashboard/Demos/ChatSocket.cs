using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Feeds.Hub;

namespace Dashboard.Demos;

/// <summary>
/// One chat WebSocket: a reader that posts each text frame to the room (and echoes it straight
/// back, so the sender sees the round trip), and a writer that pumps the room's events to the
/// socket. Sends are serialised: a WebSocket allows one send at a time. What a client may send
/// is capped twice: a frame larger than a message can be is closed with 1009, and more than
/// <c>SocketMessagesPerSecond</c> frames with 1008, whatever they hold; the posting limit alone
/// answered each extra frame and read on.
/// </summary>
internal sealed class ChatSocket(WebSocket socket, ChatRoom room, int postsPerMinute, int messagesPerSecond) : IDisposable
{
    /// <summary>What the socket subscribes to, before it is accepted.</summary>
    public static readonly TopicFilter Filter = TopicFilter.Parse(ChatRoom.Topic);

    private readonly SemaphoreSlim _sending = new(1, 1);

    private readonly TokenBucketRateLimiter _frames = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = messagesPerSecond,
        TokensPerPeriod = messagesPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    // Per socket, so the limit holds however the frames arrive; the upgrade itself is limited per address.
    private readonly TokenBucketRateLimiter _posts = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = postsPerMinute,
        TokensPerPeriod = postsPerMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <param name="subscription">The room, subscribed before the socket was accepted so that nothing published once the client sees it open is missed.</param>
    /// <param name="aborted">The request's.</param>
    public async Task<string> RunAsync(FeedSubscription subscription, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var pump = PumpAsync(subscription, stop.Token);
        string reason;
        try
        {
            reason = await ReceiveAsync(aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            reason = "the client went away";
        }

        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await pump.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The socket is going either way.
        }

        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye").ConfigureAwait(false);
        }

        return reason;
    }

    private async Task PumpAsync(FeedSubscription subscription, CancellationToken cancellationToken)
    {
        await foreach (var feedEvent in subscription.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            using var data = JsonDocument.Parse(feedEvent.Data);
            await SendAsync(new { kind = "message", id = feedEvent.Id, type = feedEvent.Type, data = data.RootElement }, cancellationToken).ConfigureAwait(false);
        }

        // The hub ended the subscription (this socket fell behind its queue): the client reconnects
        // with ?after= its last id and misses nothing.
        await CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "fell behind; reconnect with ?after=").ConfigureAwait(false);
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        // A frame may hold a message of ChatMaxLength characters, each up to 4 bytes in UTF-8, plus the JSON around it.
        var limit = room.MaxLength * 4 + 512;
        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult result;
            do
            {
                // Checked after every read, not before: a frame that ended in the read past the
                // limit was taken whole.
                result = await socket.ReceiveAsync(buffer.GetMemory(1024), cancellationToken).ConfigureAwait(false);
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > limit)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"frames are at most {limit} bytes").ConfigureAwait(false);
                    await TakeClientCloseAsync().ConfigureAwait(false);
                    return "a frame too large";
                }
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return "the client closed the socket";
            }

            using (var frame = _frames.AttemptAcquire())
            {
                if (!frame.IsAcquired)
                {
                    await CloseAsync(WebSocketCloseStatus.PolicyViolation, $"more than {messagesPerSecond} frames a second").ConfigureAwait(false);
                    await TakeClientCloseAsync().ConfigureAwait(false);
                    return "too many frames";
                }
            }

            await HandleFrameAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After the server's close for a broken limit: waits for the client's close, dropping unread
    /// what it still sends meanwhile, up to 16 KB and 2 s. Returning at once would close the
    /// connection under frames still on their way, and the client would see a reset, not the close.
    /// </summary>
    private async Task TakeClientCloseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var buffer = new byte[1024];
        try
        {
            for (var budget = 16 * 1024; budget > 0;)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                budget -= received.Count;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Gone, or never answered: the connection ends either way.
        }
    }

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(frame.Span);
        ChatPost? post;
        try
        {
            post = JsonSerializer.Deserialize<ChatPost>(text, FeedJson.Options);
        }
        catch (JsonException)
        {
            post = null;
        }

        if (post is null)
        {
            await SendAsync(new { kind = "error", detail = "Send a JSON object: {\"author\": \"...\", \"text\": \"...\"}." }, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var lease = _posts.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            await SendAsync(new { kind = "error", detail = $"Slow down: at most {postsPerMinute} messages a minute (Dashboard:Demos:PostsPerMinute)." }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var posted = await room.PostAsync(post, "ws", cancellationToken).ConfigureAwait(false);
        await SendAsync(posted.Event is { } published
            ? new { kind = "echo", id = published.Id, text = post.Text, bytes = frame.Length }
            : (object)new { kind = "error", detail = posted.Error }, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(object frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, FeedJson.Options);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string description)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
        finally
        {
            _sending.Release();
        }

    }

    public void Dispose()
    {
        _sending.Dispose();
        _posts.Dispose();
        _frames.Dispose();
    }
}
