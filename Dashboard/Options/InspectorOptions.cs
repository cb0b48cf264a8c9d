namespace Dashboard.Options;

/// <summary><c>Dashboard:Inspector</c>: what /inspector may read besides this server's own feeds, and the proxy's bounds.</summary>
public sealed class InspectorOptions
{
    /// <summary>
    /// URL prefixes of outside event streams the inspector may open, through this server (the
    /// browser could not read them across origins). A URL is under a prefix when scheme, host and
    /// port match and its normalised path is the prefix's or below it on a <c>/</c>. Anything else
    /// is refused: never an open proxy.
    /// </summary>
    public List<string> AllowedUrls { get; set; } = [];

    /// <summary>Seconds to open the connection (TCP and TLS) to an allowed URL; past it 504.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds, once connected, to wait for the status line and headers; past it 504.</summary>
    public int FirstByteTimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds an open upstream stream may send nothing (not even a heartbeat) before the proxy ends it.</summary>
    public int IdleTimeoutSeconds { get; set; } = 60;

    /// <summary>Proxied streams open at once from one client address; past it 429 with <c>Retry-After</c>.</summary>
    public int MaxStreamsPerClient { get; set; } = 4;

    /// <summary>Proxied streams open at once on this server; past it 503 with <c>Retry-After</c>.</summary>
    public int MaxStreams { get; set; } = 50;
}
