namespace Feeds.Client;

/// <summary>
/// The progress of one <see cref="FeedClient"/> stream across its connections: where to resume,
/// how many attempts have failed in a row, the server's retry, and the state last reported.
/// </summary>
internal sealed class FeedStreamSession(long? lastEventId, TimeSpan initialRetry, Action<FeedConnectionState>? onStateChanged)
{
    /// <summary>Where to resume, sent as <c>Last-Event-ID</c> on the next connection: the last event yielded, or a later complete <c>id:</c> line such as a stream's preamble.</summary>
    public long? LastEventId { get; set; } = lastEventId;

    /// <summary>The server's latest <c>retry:</c>, or the configured initial delay until it sends one.</summary>
    public TimeSpan BaseRetry { get; private set; } = initialRetry;

    public int Failures { get; private set; }

    /// <summary>The <c>Retry-After</c> of the last failed answer; applies to the next wait only.</summary>
    public TimeSpan? RetryAfter { get; set; }

    public FeedConnectionState? State { get; private set; }

    /// <summary>Reports a state once when it changes, never the same state twice in a row.</summary>
    public void Report(FeedConnectionState state)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        onStateChanged?.Invoke(state);
    }

    public void Connected()
    {
        Failures = 0;
        RetryAfter = null;
        Report(FeedConnectionState.Live);
    }

    public void Failed() => Failures++;

    /// <summary>Takes the parser's reconnection interval, which stays infinite until a <c>retry:</c> arrives.</summary>
    public void ServerRetry(TimeSpan interval)
    {
        if (interval != Timeout.InfiniteTimeSpan)
        {
            BaseRetry = interval;
        }
    }
}
