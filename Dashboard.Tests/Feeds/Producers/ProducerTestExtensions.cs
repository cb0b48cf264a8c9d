using Dashboard.Tests.Shared;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Tests.Feeds.Producers;

internal static class ProducerTestExtensions
{
    /// <summary>
    /// Starts the producer and waits until its loop has made its timer on the fake clock, so the
    /// next <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider.Advance"/> ticks it. The loop may start on another thread
    /// (BackgroundService does from Microsoft.Extensions.Hosting 10, which the test host loads).
    /// </summary>
    public static async Task StartOnFakeClockAsync(this BackgroundService producer, TimerCountingTimeProvider time)
    {
        var timers = time.TimerCount;
        await producer.StartAsync(CancellationToken.None);
        await time.WaitForTimersAsync(timers + 1).WaitAsync(ChannelReaderExtensions.WaitLimit);
    }

    public static async Task StopAndDisposeAsync(this BackgroundService producer)
    {
        await producer.StopAsync(CancellationToken.None);
        producer.Dispose();
    }
}
