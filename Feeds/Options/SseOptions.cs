namespace Feeds.Options;

/// <summary><c>Feeds:Sse</c>: the stream endpoint and the limits every streaming transport shares.</summary>
public sealed class SseOptions
{
    /// <summary>Seconds between heartbeat comments on an idle stream.</summary>
    public int HeartbeatSeconds { get; set; } = 15;

    /// <summary>The reconnection delay sent in <c>retry:</c> at the start of every stream.</summary>
    public int RetryMs { get; set; } = 3000;

    /// <summary>
    /// On shutdown each stream ends with a <c>retry:</c> of <see cref="RetryMs"/> plus a random
    /// share of this, so the clients of a restarting server do not all come back at once.
    /// </summary>
    public int ShutdownRetryJitterMs { get; set; } = 5000;

    /// <summary>
    /// Seconds a write or flush to one stream (events, heartbeat, close) may wait on its client
    /// before the connection is reset: a client that has stopped reading would otherwise hold its
    /// socket, its kernel buffers and its stream permit for as long as it stays connected.
    /// </summary>
    public int WriteTimeoutSeconds { get; set; } = 10;

    /// <summary>Events a subscriber may have waiting before it is disconnected as too slow.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Topics and prefixes one connection may name.</summary>
    public int MaxTopicsPerConnection { get; set; } = 100;

    /// <summary>Streams open at once on this instance; past it new ones get 503 with <c>Retry-After</c>.</summary>
    public int MaxStreams { get; set; } = 10_000;

    /// <summary>Streams open at once from one client address; past it new ones get 429 with <c>Retry-After</c>.</summary>
    public int MaxStreamsPerClient { get; set; } = 100;
}
