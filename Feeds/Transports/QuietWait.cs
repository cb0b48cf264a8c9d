using Feeds.Hub;

namespace Feeds.Transports;

/// <summary>
/// A stream's wait for its next event, which gives up after a quiet interval (time for a
/// heartbeat), when the client goes or when the app stops. Built to cost nothing per event and
/// little per stream: one timer, re-armed for each wait (moved, not made again), and the
/// subscription's own waiter, which the timer and the two tokens interrupt. A cancellation token
/// per wait cost a registration at every event; a linked token source for the two tokens, 330
/// bytes for every open stream.
/// </summary>
internal sealed class QuietWait : IDisposable
{
    private readonly TimeSpan _quiet;
    private readonly FeedSubscription _subscription;
    private readonly CancellationToken _clientGone;
    private readonly CancellationToken _appStopping;
    private readonly ITimer _timer;
    private readonly CancellationTokenRegistration _onClientGone;
    private readonly CancellationTokenRegistration _onAppStopping;
    private int _quietElapsed;

    public QuietWait(int quietSeconds, TimeProvider time, FeedSubscription subscription, CancellationToken clientGone, CancellationToken appStopping)
    {
        ArgumentNullException.ThrowIfNull(time);
        _quiet = TimeSpan.FromSeconds(quietSeconds);
        _subscription = subscription;
        _clientGone = clientGone;
        _appStopping = appStopping;

        // From the TimeProvider, so tests control time.
        _timer = time.CreateTimer(static state => ((QuietWait)state!).OnQuiet(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _onClientGone = clientGone.UnsafeRegister(static state => ((FeedSubscription)state!).Interrupt(), subscription);
        _onAppStopping = appStopping.UnsafeRegister(static state => ((FeedSubscription)state!).Interrupt(), subscription);
    }

    public enum Outcome
    {
        /// <summary>An event is waiting.</summary>
        Ready,

        /// <summary>Nothing arrived for the quiet interval.</summary>
        Quiet,

        /// <summary>The app is stopping or the client left.</summary>
        Stopping,

        /// <summary>The subscription ended and nothing more will come.</summary>
        Completed,
    }

    /// <summary>The app is stopping or the client left: no need to wait.</summary>
    public bool Stopping => _clientGone.IsCancellationRequested || _appStopping.IsCancellationRequested;

    /// <summary>
    /// Arms the quiet timer and waits on the subscription; pass what the wait gave to
    /// <see cref="Woke"/>. Not an async method: its state machine would be one more object held by
    /// every idle stream, which already holds its caller's.
    /// </summary>
    public ValueTask<bool> WaitAsync()
    {
        Volatile.Write(ref _quietElapsed, 0);
        _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        return _subscription.Reader.WaitToReadAsync();
    }

    /// <summary>Disarms the timer and says why the wait ended.</summary>
    public Outcome Woke(bool more)
    {
        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // A timer that fired just as an event came costs at most one extra heartbeat.
        return Stopping ? Outcome.Stopping
            : !more ? Outcome.Completed
            : Interlocked.Exchange(ref _quietElapsed, 0) == 1 ? Outcome.Quiet
            : Outcome.Ready;
    }

    public void Dispose()
    {
        _onClientGone.Dispose();
        _onAppStopping.Dispose();
        _timer.Dispose();
    }

    private void OnQuiet()
    {
        Volatile.Write(ref _quietElapsed, 1);
        _subscription.Interrupt();
    }
}
