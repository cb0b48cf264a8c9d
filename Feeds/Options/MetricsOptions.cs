namespace Feeds.Options;

/// <summary><c>Feeds:Metrics</c>: <c>metrics/self</c> and the simulated fleet <c>metrics/{host}</c>.</summary>
public sealed class MetricsOptions
{
    public static readonly IReadOnlyList<string> DefaultHosts = ["web-1", "web-2", "api-1", "api-2", "db-1", "cache-1"];

    public bool Enabled { get; set; } = true;

    public int IntervalMs { get; set; } = 1000;

    /// <summary>Simulated hosts; empty means the defaults above. <c>self</c> is reserved for this server.</summary>
    public List<string> Hosts { get; set; } = [];

    /// <summary>How many simulated incidents (a host's latency and errors spike for a while) per hour across the fleet.</summary>
    public double IncidentsPerHour { get; set; } = 12;

    /// <summary>Fixes the simulation for repeatable runs; null seeds from the clock.</summary>
    public int? Seed { get; set; }

    /// <summary>The simulated hosts in force: the configured ones, or the defaults.</summary>
    public IReadOnlyList<string> EffectiveHosts => Hosts.Count > 0 ? Hosts : DefaultHosts;
}
