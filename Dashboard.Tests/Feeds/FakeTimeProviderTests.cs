using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Feeds;

/// <summary>The producer tests trust this clock, so it is tested like the code it drives.</summary>
public sealed class FakeTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_PastDueTime_FiresOnceAtItsDueTime()
    {
        var time = new FakeTimeProvider(Start);
        var fired = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => fired.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(fired);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([Start.AddSeconds(5)], fired);
        Assert.Equal(Start.AddSeconds(14), time.GetUtcNow());
    }

    [Fact]
    public void Advance_PeriodicTimer_ReArmsAndFiresEveryPeriod()
    {
        var time = new FakeTimeProvider(Start);
        var fired = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(_ => fired.Add(time.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(5)], fired);
    }

    [Fact]
    public void Advance_SeveralTimers_FireInDueOrder()
    {
        var time = new FakeTimeProvider(Start);
        var fired = new List<string>();
        using var late = time.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(["early", "late"], fired);
    }

    [Fact]
    public void Change_Reschedules_AndInfiniteDisarms()
    {
        var time = new FakeTimeProvider(Start);
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Assert.True(timer.Change(TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, count);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, count);

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, count);
    }

    [Fact]
    public void Dispose_Timer_NeverFiresAgainAndChangeFails()
    {
        var time = new FakeTimeProvider(Start);
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));

        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, count);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), TimeSpan.Zero));
        Assert.Equal(0, time.TimerCount);
    }

    [Fact]
    public void Callback_DisposesItsOwnTimer_StopsCleanly()
    {
        var time = new FakeTimeProvider(Start);
        var count = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            count++;
            timer!.Dispose();
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, count);
    }

    [Fact]
    public void CreateTimer_ZeroDueTime_FiresAtOnce()
    {
        var time = new FakeTimeProvider(Start);
        var count = 0;

        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.Equal(1, count);
    }

    [Fact]
    public void UtcNow_SetForward_FiresDueTimersAndRefusesToGoBack()
    {
        var time = new FakeTimeProvider(Start);
        var count = 0;
        using var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        time.UtcNow = Start.AddHours(1);

        Assert.Equal(1, count);
        Assert.Equal(Start.AddHours(1), time.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => time.UtcNow = Start);
    }

    [Fact]
    public void GetElapsedTime_FollowsTheFakeClock()
    {
        var time = new FakeTimeProvider(Start);
        var before = time.GetTimestamp();

        time.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(before));
    }

    [Fact]
    public void LocalZone_Set_UsedForLocalNow()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var time = new FakeTimeProvider(Start) { LocalZone = zone };

        Assert.Same(zone, time.LocalTimeZone);
        Assert.Equal(TimeSpan.FromHours(9), time.GetLocalNow().Offset);
        Assert.Equal(Start, time.GetLocalNow());
    }

    [Fact]
    public async Task PeriodicTimer_OnFakeClock_TicksWhenAdvanced()
    {
        var time = new FakeTimeProvider(Start);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);

        var tick = timer.WaitForNextTickAsync().AsTask();
        Assert.False(tick.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await tick.WaitAsync(ChannelReaderExtensions.WaitLimit));
    }

    [Fact]
    public async Task WaitForTimersAsync_TimerCreatedLater_Completes()
    {
        var time = new FakeTimeProvider(Start);
        var wait = time.WaitForTimersAsync(1);
        Assert.False(wait.IsCompleted);

        using var timer = time.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        await wait.WaitAsync(ChannelReaderExtensions.WaitLimit);
    }
}
