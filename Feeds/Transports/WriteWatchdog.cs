using System.Net.Sockets;
using Feeds.Hub;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Feeds.Transports;

/// <summary>
/// Cuts a stream's connection when its client cannot keep up: when the hub drops the subscription
/// as too slow, and when one write waits on the client longer than <c>Feeds:Sse:WriteTimeoutSeconds</c>
/// (as Mercure's write timeout does). Cutting resets the connection (RST) and ends the request: a
/// response that merely ended left a client that had stopped reading connected, kept alive, with
/// the kernel holding megabytes for it; a plain close would still leave those megabytes queued.
/// A dropped client resumes with its last id either way. A stream whose writes all complete at
/// once, the common case, never makes the timer.
/// </summary>
/// <remarks>SSE, WebSocket and long polling share this one; each passes its writes through <see cref="Watch(ValueTask)"/>.</remarks>
internal sealed class WriteWatchdog : IDisposable
{
    private readonly HttpContext _context;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private int _waiting;
    private int _cut;
    private bool _reset;
    private bool _disposed;

    /// <param name="subscription">The stream's subscription, whose drop cuts the connection; null when there is none to watch.</param>
    public WriteWatchdog(HttpContext context, FeedSubscription? subscription, int timeoutSeconds, TimeProvider time, ILogger logger)
    {
        _context = context;
        _timeout = TimeSpan.FromSeconds(timeoutSeconds);
        _time = time;
        _logger = logger;
        subscription?.OnDropped(static state => ((WriteWatchdog)state).Cut("the client fell behind its queue"), this);
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
        // Under the lock: a cut asked for but not yet run (the stream ended by itself meanwhile)
        // runs now, before the request ends and Kestrel may hand this context to the next request.
        lock (_gate)
        {
            if (Volatile.Read(ref _cut) == 1)
            {
                ResetUnderLock();
            }

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
        Volatile.Write(ref _waiting, 1);
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

    private void Reset()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                ResetUnderLock();
            }
        }
    }

    private void ResetUnderLock()
    {
        if (_reset)
        {
            return;
        }

        _reset = true;

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
