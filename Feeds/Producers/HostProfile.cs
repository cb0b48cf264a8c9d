namespace Feeds.Producers;

/// <summary>
/// How a kind of host behaves between idle (load 0) and its daily peak (load 1). Web and API
/// hosts burn CPU per request; a database keeps most of its memory as cache and answers in
/// milliseconds; a cache serves many cheap requests in well under one.
/// </summary>
internal sealed record HostProfile(
    string Role,
    double CpuIdle,
    double CpuPeak,
    double MemoryIdle,
    double MemoryPeak,
    double PeakRequestsPerSecond,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double ErrorRate)
{
    private static readonly HostProfile Web = new("web", 6, 62, 35, 55, 900, 18, 70, 0.15);
    private static readonly HostProfile Api = new("api", 8, 68, 45, 60, 600, 32, 140, 0.3);
    private static readonly HostProfile Db = new("db", 5, 58, 68, 78, 1800, 3.5, 22, 0.03);
    private static readonly HostProfile Cache = new("cache", 3, 30, 55, 75, 6000, 0.4, 2.5, 0.01);
    private static readonly HostProfile App = new("app", 6, 60, 40, 60, 400, 25, 110, 0.2);

    /// <summary>The profile named by the host's prefix (<c>web-1</c>, <c>db-2</c>); a generic one otherwise.</summary>
    public static HostProfile For(string host) =>
        host.StartsWith("web", StringComparison.OrdinalIgnoreCase) ? Web
        : host.StartsWith("api", StringComparison.OrdinalIgnoreCase) ? Api
        : host.StartsWith("db", StringComparison.OrdinalIgnoreCase) ? Db
        : host.StartsWith("cache", StringComparison.OrdinalIgnoreCase) ? Cache
        : App;
}
