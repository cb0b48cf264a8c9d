namespace Feeds.Client;

/// <summary>How a <see cref="FeedClient"/> waits between connection attempts.</summary>
public sealed class FeedClientOptions
{
    /// <summary>The base delay before reconnecting, used until the server sends <c>retry:</c>.</summary>
    public TimeSpan InitialRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between attempts, however many have failed.</summary>
    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive failed attempts after which the state becomes <see cref="FeedConnectionState.Offline"/>.</summary>
    public int OfflineAfterFailures { get; set; } = 3;

    /// <summary>
    /// How long a stream may send nothing at all, not even a heartbeat comment, before it is taken
    /// for dead and reconnected; keep it above the server's heartbeat interval. Null never times out.
    /// </summary>
    public TimeSpan? IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
