namespace Feeds.Producers;

/// <summary>What goes wrong on a host during a simulated incident.</summary>
internal enum IncidentKind
{
    /// <summary>p99 latency far above 500 ms.</summary>
    LatencySpike,

    /// <summary>Error rate above 5%.</summary>
    ErrorBurst,

    /// <summary>CPU above 90%.</summary>
    CpuSaturation,

    /// <summary>Memory above 90% and climbing.</summary>
    MemoryLeak,
}
