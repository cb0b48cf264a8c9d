namespace Feeds.Options;

/// <summary><c>Feeds:Sse</c>: the stream endpoint.</summary>
public sealed class SseOptions
{
    /// <summary>Seconds between heartbeat comments on an idle stream.</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>The reconnection delay sent in <c>retry:</c> at the start of every stream.</summary>
    public int RetryMs { get; set; } = 3000;

    /// <summary>Events a subscriber may have waiting before it is disconnected as too slow.</summary>
    public int QueueCapacity { get; set; } = 1024;
}
