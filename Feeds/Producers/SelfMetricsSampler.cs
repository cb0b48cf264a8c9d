using System.Diagnostics;
using Feeds.Hub;

namespace Feeds.Producers;

/// <summary>
/// Measures this process and its machine. Rates (CPU, requests per second) are over the time since
/// the previous sample, measured on the real clock: they divide real CPU time and real requests, so
/// a simulated clock would make them meaningless. Not thread-safe: one producer loop drives it.
/// </summary>
internal sealed class SelfMetricsSampler
{
    private readonly FeedHub _hub;
    private readonly HttpRequestCounter _requests;
    private long _lastTimestamp;
    private TimeSpan _lastProcessCpu;
    private (long Busy, long Total)? _lastHostCpu;

    public SelfMetricsSampler(FeedHub hub, HttpRequestCounter requests, ProcFiles proc)
    {
        _hub = hub;
        _requests = requests;
        Proc = proc;
        _lastTimestamp = Stopwatch.GetTimestamp();

        // Environment.CpuUsage is Process.TotalProcessorTime without creating a Process each sample.
        _lastProcessCpu = Environment.CpuUsage.TotalTime;
        _lastHostCpu = proc.ReadCpuTimes();
    }

    public ProcFiles Proc { get; }

    public ProcessMetrics Sample()
    {
        var timestamp = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(_lastTimestamp, timestamp).TotalSeconds;
        _lastTimestamp = timestamp;

        var processCpu = Environment.CpuUsage.TotalTime;
        var cpu = Percent((processCpu - _lastProcessCpu).TotalSeconds, elapsed * Environment.ProcessorCount);
        _lastProcessCpu = processCpu;

        var hostCpuTimes = Proc.ReadCpuTimes();
        var hostCpu = hostCpuTimes is { } now && _lastHostCpu is { } before
            ? Percent(now.Busy - before.Busy, now.Total - before.Total)
            : 0;
        _lastHostCpu = hostCpuTimes;

        // The GC's figure honours container memory limits, which is what the process can really use.
        var gc = GC.GetGCMemoryInfo();
        var machineMemory = gc.TotalAvailableMemoryBytes > 0 ? gc.TotalAvailableMemoryBytes : Proc.ReadMemTotalBytes() ?? 0;
        var workingSet = Environment.WorkingSet;

        // HeapSizeBytes is 0 until the first collection.
        var heap = gc.HeapSizeBytes > 0 ? gc.HeapSizeBytes : GC.GetTotalMemory(forceFullCollection: false);

        var requests = _requests.TakeCount();
        return new ProcessMetrics(
            "self",
            cpu,
            Percent(workingSet, machineMemory),
            workingSet,
            heap,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            ThreadPool.ThreadCount,
            ThreadPool.PendingWorkItemCount,
            elapsed > 0 ? Math.Round(requests / elapsed, 2) : 0,
            _hub.SubscriberCount,
            hostCpu,
            Math.Round(Proc.ReadLoadAverage() ?? 0, 2));
    }

    private static double Percent(double part, double whole) =>
        whole > 0 ? Math.Round(Math.Clamp(part / whole * 100, 0, 100), 1) : 0;
}
