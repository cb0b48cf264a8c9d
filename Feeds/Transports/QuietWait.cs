using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Feeds.Hub;

namespace Feeds.Transports;

/// <summary>
/// A stream's wait for its next event, which gives up after a quiet interval (time for a
/// heartbeat) or when the app stops. Built to cost nothing per event: one timeout source per
/// stream, re-armed with <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> (its timer is
/// moved, not made again) and reset after each wait. Only a timeout that fires, once per quiet
/// interval at most, costs a new source. A per-wait <c>Task.WaitAsync(timeout)</c> allocated a
/// timer, a promise and a task for every event of every stream.
/// </summary>
internal sealed class QuietWait : IDisposable
{
    private readonly TimeSpan _quiet;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenRegistration _onStopping;
    private CancellationTokenSource _timeout;

    public QuietWait(int quietSeconds, TimeProvider time, CancellationToken stopping)
    {
        _quiet = TimeSpan.FromSeconds(quietSeconds);
        _time = time;
        _stopping = stopping;
        _timeout = Arm(_quiet, time);
        _onStopping = stopping.UnsafeRegister(static state => ((QuietWait)state!).CancelCurrent(), this);
    }

    public enum Outcome
    {
        /// <summary>An event is waiting.</summary>
        Ready,

        /// <summary>Nothing arrived for the quiet interval.</summary>
        Quiet,

        /// <summary>The stop token fired: the app is stopping or the client left.</summary>
        Stopping,

        /// <summary>The subscription ended and nothing more will come.</summary>
        Completed,
    }

    // Pooled: this method suspends on nearly every call, and its state machine box would otherwise be one allocation per event.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Outcome> WaitAsync(ChannelReader<FeedEvent> reader)
    {
        if (_stopping.IsCancellationRequested)
        {
            return Outcome.Stopping;
        }

        var timeout = Volatile.Read(ref _timeout);
        timeout.CancelAfter(_quiet);
        try
        {
            var more = await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);

            // Disarms the timer for the next wait; false when it fired just as the event came.
            if (!timeout.TryReset())
            {
                Renew(timeout);
            }

            return more ? Outcome.Ready : Outcome.Completed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Renew(timeout);
            return _stopping.IsCancellationRequested ? Outcome.Stopping : Outcome.Quiet;
        }
    }

    public void Dispose()
    {
        _onStopping.Dispose();
        Volatile.Read(ref _timeout).Dispose();
    }

    private void Renew(CancellationTokenSource fired)
    {
        Volatile.Write(ref _timeout, Arm(_quiet, _time));
        fired.Dispose();
    }

    // Made with its delay so the timer comes from the TimeProvider (tests control time); CancelAfter
    // then moves that same timer rather than making another.
    private static CancellationTokenSource Arm(TimeSpan quiet, TimeProvider time) => new(quiet, time);

    private void CancelCurrent()
    {
        try
        {
            Volatile.Read(ref _timeout).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Renewed or disposed meanwhile: WaitAsync checks the stop token before every wait.
        }
    }
}
