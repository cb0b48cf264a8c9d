namespace Feeds.Producers;

/// <summary>A simulated incident on one host.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Start">When it began.</param>
/// <param name="End">When the host recovers.</param>
/// <param name="Severity">0 to 1: how far past the thresholds it goes.</param>
internal sealed record Incident(IncidentKind Kind, DateTimeOffset Start, DateTimeOffset End, double Severity)
{
    // Every incident crosses the critical line the UI is expected to draw, or it would be a
    // simulated incident nobody sees.
    public const double CpuCritical = 90;
    public const double MemoryCritical = 90;
    public const double LatencyP99CriticalMs = 500;
    public const double ErrorRateCritical = 5;

    /// <summary>What <see cref="HostMetrics.Incident"/> says while it lasts.</summary>
    public string Description => Kind switch
    {
        IncidentKind.LatencySpike => "latency spike",
        IncidentKind.ErrorBurst => "error burst",
        IncidentKind.CpuSaturation => "cpu saturation",
        IncidentKind.MemoryLeak => "memory leak",
        _ => throw new InvalidOperationException($"Unknown incident kind {Kind}."),
    };

    /// <summary>How far through the incident <paramref name="now"/> is, 0 to 1.</summary>
    public double Progress(DateTimeOffset now) =>
        Math.Clamp((now - Start).TotalSeconds / Math.Max((End - Start).TotalSeconds, 1), 0, 1);
}
