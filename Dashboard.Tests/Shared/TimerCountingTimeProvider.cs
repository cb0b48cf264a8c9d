using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Shared;

/// <summary>
/// The library's <see cref="FakeTimeProvider"/>, plus the one thing it lacks: it cannot say how
/// many timers exist, so a test cannot tell when a producer started on another thread has made its
/// timer and the next <see cref="FakeTimeProvider.Advance"/> will tick it. This counts live timers
/// and lets a test wait for one.
/// </summary>
internal sealed class TimerCountingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _live;

    public TimerCountingTimeProvider()
    {
    }

    public TimerCountingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Timers created and not yet disposed, armed or not.</summary>
    public int TimerCount
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> timers are live.</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (_gate)
        {
            if (_live >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new CountedTimer(this, base.CreateTimer(callback, state, dueTime, period));
        List<(int Count, TaskCompletionSource Done)> released;
        lock (_gate)
        {
            _live++;
            released = _waiters.FindAll(w => _live >= w.Count);
            _waiters.RemoveAll(w => _live >= w.Count);
        }

        released.ForEach(w => w.Done.SetResult());
        return timer;
    }

    private void Released()
    {
        lock (_gate)
        {
            _live--;
        }
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner, ITimer inner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Released();
            }

            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
