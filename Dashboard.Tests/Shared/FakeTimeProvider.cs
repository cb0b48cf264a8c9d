namespace Dashboard.Tests.Shared;

/// <summary>
/// A TimeProvider whose clock moves only when a test says so. <see cref="Advance"/> fires every
/// timer that falls due on the way, in due order, on the calling thread, with the clock set to
/// each timer's due time as it fires; periodic timers re-arm. Timestamps follow the fake clock, so
/// <see cref="TimeProvider.GetElapsedTime(long)"/> does too.
/// (Microsoft.Extensions.TimeProvider.Testing is not in the package mirror.)
/// </summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _timerWaiters = [];
    private DateTimeOffset _utcNow;
    private long _nextTimerOrder;
    private TimeZoneInfo _localTimeZone = TimeZoneInfo.Utc;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero))
    {
    }

    public FakeTimeProvider(DateTimeOffset start)
    {
        _utcNow = start.ToUniversalTime();
    }

    /// <summary>The fake now. Setting it moves the clock forward like <see cref="Advance"/>; it never goes back.</summary>
    public DateTimeOffset UtcNow
    {
        get => GetUtcNow();
        set
        {
            var delta = value - GetUtcNow();
            ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero, nameof(value));
            Advance(delta);
        }
    }

    /// <summary>What <see cref="TimeProvider.LocalTimeZone"/> and <see cref="TimeProvider.GetLocalNow"/> use; UTC unless set.</summary>
    public TimeZoneInfo LocalZone
    {
        get
        {
            lock (_gate)
            {
                return _localTimeZone;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _localTimeZone = value;
            }
        }
    }

    /// <summary>Timers created and not disposed, armed or not.</summary>
    public int TimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => LocalZone;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _utcNow;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing the timers that fall due.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _utcNow + delta;
        }

        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                due = _timers
                    .Where(t => t.DueAt is { } at && at <= target)
                    .OrderBy(t => t.DueAt)
                    .ThenBy(t => t.Order)
                    .FirstOrDefault();
                if (due is null)
                {
                    _utcNow = Max(_utcNow, target);
                    return;
                }

                _utcNow = Max(_utcNow, due.DueAt!.Value);
                due.DueAt = due.Period > TimeSpan.Zero ? due.DueAt + due.Period : null;
            }

            // Outside the lock: a callback may read the clock, change or dispose timers.
            due.Fire();
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> timers exist: a service started on another thread has created its timer.</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (_gate)
        {
            if (_timers.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _timerWaiters.Add((count, done));
            return done.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        List<TaskCompletionSource> released;
        lock (_gate)
        {
            timer.Order = _nextTimerOrder++;
            _timers.Add(timer);
            released = ReleaseWaiters();
        }

        foreach (var done in released)
        {
            done.SetResult();
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private List<TaskCompletionSource> ReleaseWaiters()
    {
        var released = _timerWaiters.Where(w => _timers.Count >= w.Count).ToList();
        _timerWaiters.RemoveAll(w => _timers.Count >= w.Count);
        return released.ConvertAll(w => w.Done);
    }

    private bool Change(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, nameof(dueTime));
        Validate(period, nameof(period));
        bool fireNow;
        lock (_gate)
        {
            if (!_timers.Contains(timer))
            {
                return false;
            }

            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _utcNow + dueTime;
            fireNow = dueTime == TimeSpan.Zero;
            if (fireNow)
            {
                timer.DueAt = timer.Period > TimeSpan.Zero ? _utcNow + timer.Period : null;
            }
        }

        // A real timer due now fires at once, without waiting for anyone to move the clock.
        if (fireNow)
        {
            timer.Fire();
        }

        return true;
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private static void Validate(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be zero or more, or Timeout.InfiniteTimeSpan.");
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        // Guarded by the owner's lock.
        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public long Order { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Change(this, dueTime, period);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
