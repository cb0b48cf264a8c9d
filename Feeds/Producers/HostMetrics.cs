namespace Feeds.Producers;

/// <summary>Data of a simulated fleet host's <c>metrics/{host}</c> event (type <c>metrics</c>).</summary>
/// <param name="Host">The host name.</param>
/// <param name="Cpu">CPU use, percent 0-100.</param>
/// <param name="Memory">Memory use, percent 0-100.</param>
/// <param name="RequestsPerSecond">Requests served per second.</param>
/// <param name="LatencyP50Ms">Median request latency, ms.</param>
/// <param name="LatencyP99Ms">99th percentile request latency, ms.</param>
/// <param name="ErrorRate">Share of requests failing, percent 0-100.</param>
/// <param name="Incident">What is going wrong on this host now, or null.</param>
public sealed record HostMetrics(
    string Host,
    double Cpu,
    double Memory,
    double RequestsPerSecond,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double ErrorRate,
    string? Incident)
{
    public const string TopicPrefix = "metrics/";
    public const string EventType = "metrics";
}
