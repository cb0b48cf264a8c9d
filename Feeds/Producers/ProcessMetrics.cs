namespace Feeds.Producers;

/// <summary>Data of a <c>metrics/self</c> event (type <c>process</c>): this server's real numbers.</summary>
/// <param name="Host">Always <c>self</c>.</param>
/// <param name="Cpu">Process CPU use over the last interval, percent of all cores 0-100.</param>
/// <param name="Memory">Working set as a percentage of the machine's memory.</param>
/// <param name="WorkingSetBytes">Process working set.</param>
/// <param name="GcHeapBytes">Managed heap size after the last collection.</param>
/// <param name="Gen0Collections">Gen 0 collections since start.</param>
/// <param name="Gen1Collections">Gen 1 collections since start.</param>
/// <param name="Gen2Collections">Gen 2 collections since start.</param>
/// <param name="ThreadPoolThreads">Thread-pool threads now.</param>
/// <param name="ThreadPoolQueue">Work items waiting in the thread pool.</param>
/// <param name="RequestsPerSecond">HTTP requests completed per second over the last interval.</param>
/// <param name="ActiveStreams">Feed subscribers (SSE streams and relays) connected now.</param>
/// <param name="HostCpu">The whole machine's CPU use from /proc/stat, percent 0-100.</param>
/// <param name="LoadAverage">The machine's 1-minute load average from /proc/loadavg.</param>
public sealed record ProcessMetrics(
    string Host,
    double Cpu,
    double Memory,
    long WorkingSetBytes,
    long GcHeapBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    int ThreadPoolThreads,
    long ThreadPoolQueue,
    double RequestsPerSecond,
    int ActiveStreams,
    double HostCpu,
    double LoadAverage)
{
    public const string Topic = "metrics/self";
    public const string EventType = "process";
}
