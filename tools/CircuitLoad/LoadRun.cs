namespace CircuitLoad;

/// <summary>
/// One run: sample the idle server, open the circuits at the ramp rate, let them settle, measure
/// for the given seconds, then close them the way a closing tab does.
/// </summary>
internal sealed class LoadRun(LoadOptions options)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    public async Task<LoadReport> RunAsync()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        using var stop = new CancellationTokenSource();

        // The idle server first, so the cost of the circuits is what they add to it.
        var idleFrom = Sample();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleTo = Sample();

        var circuits = new List<(CircuitStats Stats, Task Task)>(options.Circuits);
        var started = DateTime.UtcNow;
        for (var i = 0; i < options.Circuits; i++)
        {
            var stats = new CircuitStats();
            circuits.Add((stats, Task.Run(() => new CircuitClient(http, options.Url, stats).RunAsync(stop.Token))));
            var due = started + TimeSpan.FromSeconds((i + 1) / (double)options.RampPerSecond);
            if (due > DateTime.UtcNow)
            {
                await Task.Delay(due - DateTime.UtcNow);
            }
        }

        var rampSeconds = (DateTime.UtcNow - started).TotalSeconds;

        // A busy server starts circuits later than they were asked for: wait for every one to be
        // up (or failed) before settling, so the measured window holds no start-up work.
        var startDeadline = DateTime.UtcNow + StartTimeout;
        while (circuits.Any(c => c.Stats.State == CircuitState.Starting) && DateTime.UtcNow < startDeadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var allStartedSeconds = (DateTime.UtcNow - started).TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        var connectedBeforeMeasure = circuits.Count(c => c.Stats.State == CircuitState.Connected);

        var self = System.Diagnostics.Process.GetCurrentProcess();
        var selfCpuFrom = self.TotalProcessorTime;
        var from = Sample();
        var peakRss = from?.RssBytes ?? 0;
        MeasureGate.Start();
        var measureStart = DateTime.UtcNow;
        while (DateTime.UtcNow - measureStart < TimeSpan.FromSeconds(options.Seconds))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            peakRss = Math.Max(peakRss, Sample()?.RssBytes ?? 0);
        }

        MeasureGate.Stop();
        var measured = (DateTime.UtcNow - measureStart).TotalSeconds;
        var to = Sample();
        self.Refresh();
        var selfCpu = (self.TotalProcessorTime - selfCpuFrom).TotalSeconds / measured / Environment.ProcessorCount * 100;
        var aliveAtEnd = circuits.Count(c => c.Stats.State == CircuitState.Connected);

        await stop.CancelAsync();
        await Task.WhenAny(Task.WhenAll(circuits.Select(c => c.Task)), Task.Delay(TimeSpan.FromSeconds(30)));

        return new LoadReport(
            options, circuits.Select(c => c.Stats).ToArray(), rampSeconds, allStartedSeconds, measured, connectedBeforeMeasure, aliveAtEnd,
            idleFrom, idleTo, from, to, peakRss, selfCpu);
    }

    private ProcessSample? Sample() => options.ServerPid is { } pid ? ProcessSample.Read(pid) : null;
}
