using System.Net.Sockets;
using Feeds.Hub;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Feeds.Transports;

/// <summary>
/// Cuts a stream's connection once its client has stopped reading: when one write waits on the
/// client longer than <c>Feeds:Sse:WriteTimeoutSeconds</c> (as Mercure's write timeout does), or
/// when the hub drops the subscription as too slow while a write is waiting. Cutting resets the
/// connection (RST): a plain close would leave the kernel trying to deliver the megabytes queued
/// for a client that never reads them, and the request would stay open, holding its stream permit,
/// for as long as the client kept the socket. A stream whose writes all complete at once, the
/// common case, never makes the timer.
/// </summary>
/// <remarks>SSE, WebSocket and long polling share this one; each passes its writes through <see cref="Watch(ValueTask)"/>.</remarks>
internal sealed class WriteWatchdog : IDisposable
{
    private readonly HttpContext _context;
    private readonly FeedSubscription? _subscription;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private int _waiting;
    private int _cut;
    private bool _disposed;

    /// <param name="subscription">The stream's subscription, whose drop cuts a waiting write; null when there is none to watch.</param>
    public WriteWatchdog(HttpContext context, FeedSubscription? subscription, int timeoutSeconds, TimeProvider time, ILogger logger)
    {
        _context = context;
        _subscription = subscription;
        _timeout = TimeSpan.FromSeconds(timeoutSeconds);
        _time = time;
        _logger = logger;
        subscription?.OnDropped(static state => ((WriteWatchdog)state).OnDropped(), this);
    }

    /// <summary>Why the connection was cut, or null while it has not been.</summary>
    public string? Reason { get; private set; }

    /// <summary>Waits for <paramref name="write"/>; if it waits on the client too long, the connection is cut and the write fails.</summary>
    public ValueTask Watch(ValueTask write) => write.IsCompletedSuccessfully ? write : WaitAsync(write);

    /// <inheritdoc cref="Watch(ValueTask)"/>
    public ValueTask<T> Watch<T>(ValueTask<T> write) => write.IsCompletedSuccessfully ? write : WaitAsync(write);

    /// <summary>Resets the connection now (once), on the thread pool: callers include the hub's delivery loop, which must not wait on a socket.</summary>
    public void Cut(string reason)
    {
        if (Interlocked.Exchange(ref _cut, 1) != 0)
        {
            return;
        }

        Reason = reason;
        ThreadPool.UnsafeQueueUserWorkItem(static watchdog => watchdog.Reset(), this, preferLocal: false);
    }

    public void Dispose()
    {
        // Under the lock, so a reset queued before this cannot reach a context that Kestrel has
        // already handed to the connection's next request.
        lock (_gate)
        {
            _disposed = true;
        }

        _timer?.Dispose();
    }

    private async ValueTask WaitAsync(ValueTask write)
    {
        Arm();
        try
        {
            await write.ConfigureAwait(false);
        }
        finally
        {
            Disarm();
        }
    }

    private async ValueTask<T> WaitAsync<T>(ValueTask<T> write)
    {
        Arm();
        try
        {
            return await write.ConfigureAwait(false);
        }
        finally
        {
            Disarm();
        }
    }

    private void Arm()
    {
        _timer ??= _time.CreateTimer(static state => ((WriteWatchdog)state!).OnTimeout(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _waiting, 1);

        // A drop that came just before this write began found no write waiting.
        if (_subscription?.EndReason == SubscriptionEndReason.Overflow)
        {
            OnDropped();
        }
    }

    private void Disarm()
    {
        Volatile.Write(ref _waiting, 0);
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void OnTimeout()
    {
        if (Volatile.Read(ref _waiting) == 1)
        {
            Cut($"a write waited more than {_timeout.TotalSeconds:0} s on the client (Feeds:Sse:WriteTimeoutSeconds)");
        }
    }

    // Without a write waiting, the stream is not stuck: it sees the end at its next pass and ends its response itself.
    private void OnDropped()
    {
        if (Volatile.Read(ref _waiting) == 1)
        {
            Cut("the client fell behind its queue and was not reading");
        }
    }

    private void Reset()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // Linger 0 makes the close a reset, which drops what the kernel still holds for this client.
            if (_context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
            {
                try
                {
                    socket.LingerState = new LingerOption(enable: true, seconds: 0);
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    // Already closing; the abort below still ends the request.
                }
            }

            TransportsLog.ConnectionCut(_logger, _context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Reason ?? "");
            _context.Abort();
        }
    }
}
