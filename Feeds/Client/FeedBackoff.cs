namespace Feeds.Client;

/// <summary>How long a <see cref="FeedClient"/> waits before its next connection attempt.</summary>
internal static class FeedBackoff
{
    /// <summary>
    /// The least base a failing attempt grows from: a server may send <c>retry: 0</c> to mean
    /// "come straight back", but a server that keeps refusing must not be hammered.
    /// </summary>
    internal static readonly TimeSpan FailureFloor = TimeSpan.FromMilliseconds(100);

    /// <param name="baseDelay">The server's <c>retry:</c>, or the configured initial delay until it sends one.</param>
    /// <param name="failures">Failed attempts since the stream was last live; 0 right after a live stream dropped.</param>
    /// <param name="max">The ceiling.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> of a 429 or 503 answer, if it had one.</param>
    /// <param name="random">A number in [0, 1) that picks the jitter.</param>
    public static TimeSpan Delay(TimeSpan baseDelay, int failures, TimeSpan max, TimeSpan? retryAfter, double random)
    {
        var start = failures > 0 && baseDelay < FailureFloor ? FailureFloor : baseDelay;
        var grown = start.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20));

        // Jitter only upwards, by up to half: the server's retry stays the least a client waits,
        // and the many clients that lost the same server at the same moment come back spread out.
        var milliseconds = Math.Min(grown * (1 + (random * 0.5)), max.TotalMilliseconds);
        if (retryAfter is { } after && after.TotalMilliseconds > milliseconds)
        {
            milliseconds = Math.Min(after.TotalMilliseconds, max.TotalMilliseconds);
        }

        return TimeSpan.FromMilliseconds(milliseconds);
    }
}
