using Microsoft.Extensions.Logging;

namespace Feeds.Producers;

/// <summary>The loop every producer runs: wait for the next tick, publish, and outlive a failed publish.</summary>
internal static class ProducerLoop
{
    public static async Task RunAsync(
        string producer,
        TimeSpan interval,
        TimeProvider time,
        ILogger logger,
        Func<CancellationToken, ValueTask> tick,
        CancellationToken stoppingToken)
    {
        // The timer runs on the injected clock so tests move time by hand instead of waiting.
        using var timer = new PeriodicTimer(interval, time);
        ProducersLog.Started(logger, producer, (int)interval.TotalMilliseconds);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await tick(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // An exception escaping ExecuteAsync stops the whole host; one bad tick must not
                    // end a feed that every dashboard on the wall is watching.
                    ProducersLog.TickFailed(logger, producer, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
