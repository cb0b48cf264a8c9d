namespace Dashboard.Options;

/// <summary><c>Dashboard:Inspector</c>: what /inspector may read besides this server's own feeds.</summary>
public sealed class InspectorOptions
{
    /// <summary>
    /// URL prefixes of outside event streams the inspector may open, through this server (the
    /// browser could not read them across origins). Anything else is refused: never an open proxy.
    /// </summary>
    public List<string> AllowedUrls { get; set; } = [];
}
