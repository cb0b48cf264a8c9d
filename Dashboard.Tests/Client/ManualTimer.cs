namespace Dashboard.Tests.Client;

/// <summary>A timer of <see cref="ManualTimeProvider"/>: it fires when <see cref="Fire"/> is called, never by itself.</summary>
internal sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
{
    private int _disposed;

    /// <summary>How long after creation the code under test wanted it to fire.</summary>
    public TimeSpan DueTime { get; private set; } = dueTime;

    /// <summary>True once the code under test has let it go, as a cancellation source does when its wait ends in time.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public void Fire()
    {
        Assert.True(Volatile.Read(ref _disposed) == 0, "The timer was disposed before it fired.");
        callback(state);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        return true;
    }

    public void Dispose() => Interlocked.Exchange(ref _disposed, 1);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
