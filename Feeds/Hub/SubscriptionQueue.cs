using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using System.Threading.Tasks.Sources;

namespace Feeds.Hub;

/// <summary>
/// One subscription's events as its consumer reads them: the replayed history first, then the
/// live queue, skipping live events the replay already gave (the subscriber was registered before
/// history was read, so the two may overlap). One writer (the hub), one reader.
/// </summary>
/// <remarks>
/// Written for the idle stream, the common case at scale: an empty queue owns no buffer, and a
/// waiting reader costs no allocation. A bounded <see cref="Channel{T}"/> with its reader and
/// writer and their waiter objects, plus the replay wrapper, came to about 1 KB per subscription
/// before the first event, a tenth of an idle connection's whole cost.
/// </remarks>
internal sealed class SubscriptionQueue : ChannelReader<FeedEvent>, IValueTaskSource<bool>
{
    private const int FirstBufferSize = 4;

    private readonly int _capacity;

    // Guards everything below except the replay, which only the reader touches.
    private readonly Lock _gate = new();
    private FeedEvent[] _buffer = [];
    private int _head;
    private int _count;
    private bool _completed;

    // A wake-up that found no waiter is kept for the next wait, so none is lost between a check and a wait.
    private bool _interrupted;
    private bool _waiting;
    private ManualResetValueTaskSourceCore<bool> _waiter = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _waitCancellation;
    private TaskCompletionSource? _completion;

    private IReadOnlyList<FeedEvent> _replay = [];
    private long _lastReplayedId;
    private int _nextReplayed;

    public SubscriptionQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Sets the history to give before the live events; before the reader starts.</summary>
    public void SetReplay(IReadOnlyList<FeedEvent> replay)
    {
        _replay = replay;
        _lastReplayedId = replay.Count == 0 ? 0 : replay[^1].Id;
    }

    public override bool CanCount => true;

    /// <summary>Live events waiting to be read (the replay is not counted).</summary>
    public override int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Queues a live event; false when the queue is full or completed.</summary>
    public bool TryWrite(FeedEvent feedEvent)
    {
        lock (_gate)
        {
            if (_completed || _count == _capacity)
            {
                return false;
            }

            if (_count == _buffer.Length)
            {
                Grow();
            }

            _buffer[(_head + _count) % _buffer.Length] = feedEvent;
            _count++;
            if (!TakeWaiter())
            {
                return true;
            }
        }

        Wake(true);
        return true;
    }

    /// <summary>No more live events; the reader still gets what is queued, then the end.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            SignalIfDrained();

            if (!TakeWaiter())
            {
                return;
            }
        }

        // A waiter only waits on an empty queue: completing it says the end.
        Wake(false);
    }

    /// <summary>
    /// Ends the current wait, or the next one if none is waiting, with true as if an event had come:
    /// for a reader that waits on other things too (a heartbeat's timer, the app stopping) without
    /// a cancellation token, whose registration would cost an allocation at every wait.
    /// </summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            if (!TakeWaiter())
            {
                _interrupted = true;
                return;
            }
        }

        Wake(true);
    }

    public override Task Completion
    {
        get
        {
            lock (_gate)
            {
                if (_completion is null)
                {
                    _completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    SignalIfDrained();
                }

                return _completion.Task;
            }
        }
    }

    public override bool CanPeek => true;

    private bool ReplayDone => _nextReplayed >= _replay.Count;

    public override bool TryRead([MaybeNullWhen(false)] out FeedEvent item)
    {
        if (!ReplayDone)
        {
            item = _replay[_nextReplayed++];
            if (ReplayDone)
            {
                lock (_gate)
                {
                    SignalIfDrained();
                }
            }

            return true;
        }

        lock (_gate)
        {
            while (_count > 0)
            {
                item = _buffer[_head];
                _buffer[_head] = null!;
                _head = (_head + 1) % _buffer.Length;
                _count--;
                SignalIfDrained();

                if (item.Id > _lastReplayedId)
                {
                    return true;
                }
            }
        }

        item = null;
        return false;
    }

    public override bool TryPeek([MaybeNullWhen(false)] out FeedEvent item)
    {
        if (!ReplayDone)
        {
            item = _replay[_nextReplayed];
            return true;
        }

        lock (_gate)
        {
            for (var i = 0; i < _count; i++)
            {
                item = _buffer[(_head + i) % _buffer.Length];
                if (item.Id > _lastReplayedId)
                {
                    return true;
                }
            }
        }

        item = null;
        return false;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        if (!ReplayDone)
        {
            return new ValueTask<bool>(true);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(cancellationToken);
        }

        lock (_gate)
        {
            if (_count > 0 || _interrupted)
            {
                _interrupted = false;
                return new ValueTask<bool>(true);
            }

            if (_completed)
            {
                return new ValueTask<bool>(false);
            }

            if (_waiting)
            {
                throw new InvalidOperationException("A subscription has one reader, and it is already waiting.");
            }

            _waiter.Reset();
            _waiting = true;
            var version = _waiter.Version;

            // Registered under the lock, which is reentrant: a token cancelled since the check above
            // runs the callback right here, and it completes the waiter just set.
            if (cancellationToken.CanBeCanceled)
            {
                _waitCancellation = cancellationToken.UnsafeRegister(static (state, token) => ((SubscriptionQueue)state!).Cancel(token), this);
            }

            return new ValueTask<bool>(this, version);
        }
    }

    bool IValueTaskSource<bool>.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    // Under the lock: claims the waiter, so exactly one of an event, the end, an interrupt or a cancellation completes it.
    private bool TakeWaiter()
    {
        if (!_waiting)
        {
            return false;
        }

        _waiting = false;
        return true;
    }

    // Outside the lock: the continuation is queued, never run inline, and the registration is
    // dropped without waiting for a callback that may be running now (it would find no waiter).
    private void Wake(bool result)
    {
        _waitCancellation.Unregister();
        _waitCancellation = default;
        _waiter.SetResult(result);
    }

    private void Cancel(CancellationToken token)
    {
        lock (_gate)
        {
            if (!TakeWaiter())
            {
                return;
            }
        }

        _waitCancellation = default;
        _waiter.SetException(new OperationCanceledException(token));
    }

    // Under the lock: Completion is done once the queue is completed and everything, replay included, has been read.
    private void SignalIfDrained()
    {
        if (_completed && _count == 0 && ReplayDone)
        {
            _completion?.TrySetResult();
        }
    }

    private void Grow()
    {
        var bigger = new FeedEvent[Math.Min(Math.Max(_buffer.Length * 2, FirstBufferSize), _capacity)];
        for (var i = 0; i < _count; i++)
        {
            bigger[i] = _buffer[(_head + i) % _buffer.Length];
        }

        _buffer = bigger;
        _head = 0;
    }
}
