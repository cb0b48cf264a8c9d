namespace Dashboard.Tests.Client;

/// <summary>A timer of <see cref="ManualTimeProvider"/>: it fires when <see cref="Fire"/> is called, never by itself.</summary>
internal sealed class ManualTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
{
    private int _disposed;

    /// <summary>How long after creation the code under test wanted it to fire.</summary>
    public TimeSpan DueTime { get; private set; } = dueTime;

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
