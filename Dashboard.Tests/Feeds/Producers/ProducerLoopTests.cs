using Dashboard.Tests.Shared;
using Feeds.Producers;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class ProducerLoopTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RunAsync_TickThrows_LogsAndCarriesOn()
    {
        var time = new TimerCountingTimeProvider();
        var logger = new ListLogger<ProducerLoopTests>();
        var calls = 0;
        var firstTick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondTick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var loop = ProducerLoop.RunAsync("Test", Interval, time, logger, _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstTick.TrySetResult();
                throw new InvalidOperationException("first tick fails");
            }

            secondTick.TrySetResult();
            return ValueTask.CompletedTask;
        }, stop.Token);
        await time.WaitForTimersAsync(1).WaitAsync(ChannelReaderExtensions.WaitLimit);

        time.Advance(Interval);

        // A second fire before the loop has taken the first would coalesce with it, as on a real PeriodicTimer.
        await firstTick.Task.WaitAsync(ChannelReaderExtensions.WaitLimit);
        time.Advance(Interval);
        await secondTick.Task.WaitAsync(ChannelReaderExtensions.WaitLimit);
        stop.Cancel();
        await loop.WaitAsync(ChannelReaderExtensions.WaitLimit);

        var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(2003, error.Id.Id);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Contains("Test", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task RunAsync_Stopped_CompletesQuietlyAndDisposesItsTimer()
    {
        var time = new TimerCountingTimeProvider();
        using var stop = new CancellationTokenSource();
        var loop = ProducerLoop.RunAsync("Test", Interval, time, new ListLogger<ProducerLoopTests>(), _ => ValueTask.CompletedTask, stop.Token);
        await time.WaitForTimersAsync(1).WaitAsync(ChannelReaderExtensions.WaitLimit);

        stop.Cancel();
        await loop.WaitAsync(ChannelReaderExtensions.WaitLimit);

        Assert.True(loop.IsCompletedSuccessfully);
        Assert.Equal(0, time.TimerCount);
    }

    [Fact]
    public async Task RunAsync_TickCancelledByStop_CompletesQuietly()
    {
        var time = new TimerCountingTimeProvider();
        using var stop = new CancellationTokenSource();
        var logger = new ListLogger<ProducerLoopTests>();
        var loop = ProducerLoop.RunAsync("Test", Interval, time, logger, async token =>
        {
            await stop.CancelAsync();
            token.ThrowIfCancellationRequested();
        }, stop.Token);
        await time.WaitForTimersAsync(1).WaitAsync(ChannelReaderExtensions.WaitLimit);

        time.Advance(Interval);
        await loop.WaitAsync(ChannelReaderExtensions.WaitLimit);

        Assert.True(loop.IsCompletedSuccessfully);
        Assert.DoesNotContain(logger.Entries, e => e.Level == LogLevel.Error);
    }
}
