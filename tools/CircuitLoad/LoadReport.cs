using System.Globalization;

namespace CircuitLoad;

/// <summary>What a run measured, and how it is printed: a table for people, one SUMMARY line for scripts.</summary>
internal sealed record LoadReport(
    LoadOptions Options,
    IReadOnlyList<CircuitStats> Circuits,
    double RampSeconds,
    double AllStartedSeconds,
    double MeasuredSeconds,
    int ConnectedBeforeMeasure,
    int AliveAtEnd,
    ProcessSample? IdleFrom,
    ProcessSample? IdleTo,
    ProcessSample? From,
    ProcessSample? To,
    long PeakRss,
    double LoaderCpuPercent)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void Print(TextWriter output)
    {
        var alive = Circuits.Where(c => c.State == CircuitState.Connected).ToArray();
        var failed = Circuits.Count(c => c.State == CircuitState.Failed);
        var disconnected = Circuits.Count(c => c.State == CircuitState.Disconnected);
        var perCircuit = alive.Select(c => c.MeasuredBytes / MeasuredSeconds).Order().ToArray();
        var updates = alive.SelectMany(c => c.ChartUpdateSizes).Order().ToArray();

        output.WriteLine($"circuits on {Options.Url}: requested {Options.Circuits}, connected before measuring {ConnectedBeforeMeasure}, alive at end {AliveAtEnd}, failed {failed}, disconnected {disconnected}");
        output.WriteLine($"ramp {RampSeconds:F1} s, all up (or failed) after {AllStartedSeconds:F1} s, then settle {Options.SettleSeconds} s, measured {MeasuredSeconds:F1} s");
        foreach (var reason in Circuits.Where(c => c.Failure is not null).GroupBy(c => c.Failure!).OrderByDescending(g => g.Count()).Take(5))
        {
            output.WriteLine($"  {reason.Count()} x {reason.Key}");
        }

        double? idleCpu = IdleFrom is { } a && IdleTo is { } b ? ProcessSample.CpuPercentOfMachine(a, b) : null;
        double? loadCpu = From is { } c && To is { } d ? ProcessSample.CpuPercentOfMachine(c, d) : null;
        double? cpuMsPerCircuit = idleCpu is { } idle && loadCpu is { } load && alive.Length > 0
            ? (load - idle) / 100 * Environment.ProcessorCount * 1000 / alive.Length
            : null;
        double? rssPerCircuitKb = IdleTo is { } idleRss && To is { } loadRss && alive.Length > 0
            ? (loadRss.RssBytes - idleRss.RssBytes) / 1024.0 / alive.Length
            : null;

        output.WriteLine();
        output.WriteLine($"| server | idle | with {alive.Length} circuits |");
        output.WriteLine("|---|---|---|");
        output.WriteLine($"| CPU, % of {Environment.ProcessorCount} cores | {F(idleCpu)} | {F(loadCpu)} |");
        output.WriteLine($"| RSS, MB | {F(IdleTo?.RssBytes / 1048576.0)} | {F(To?.RssBytes / 1048576.0)} (peak {PeakRss / 1048576.0:F1}) |");
        output.WriteLine($"| threads | {IdleTo?.Threads} | {To?.Threads} |");
        output.WriteLine($"| CPU per circuit, ms/s | | {F(cpuMsPerCircuit, 3)} |");
        output.WriteLine($"| RSS per circuit, KB | | {F(rssPerCircuitKb)} |");
        output.WriteLine($"(the load tool itself used {LoaderCpuPercent:F1} % of the machine)");

        output.WriteLine();
        output.WriteLine("| per circuit, measured | median | min | max |");
        output.WriteLine("|---|---|---|---|");
        output.WriteLine($"| bytes/s received | {F(Quantile(perCircuit, 0.5), 0)} | {F(perCircuit.FirstOrDefault(), 0)} | {F(perCircuit.LastOrDefault(), 0)} |");
        var renders = alive.Select(c => c.MeasuredRenderBatches / MeasuredSeconds).Order().ToArray();
        output.WriteLine($"| render batches/s | {F(Quantile(renders, 0.5))} | {F(renders.FirstOrDefault())} | {F(renders.LastOrDefault())} |");
        var renderBytes = alive.Select(c => c.MeasuredRenderBytes / MeasuredSeconds).Order().ToArray();
        output.WriteLine($"| render batch bytes/s | {F(Quantile(renderBytes, 0.5), 0)} | {F(renderBytes.FirstOrDefault(), 0)} | {F(renderBytes.LastOrDefault(), 0)} |");
        var jsBytes = alive.Select(c => c.MeasuredJsBytes / MeasuredSeconds).Order().ToArray();
        output.WriteLine($"| JS interop bytes/s | {F(Quantile(jsBytes, 0.5), 0)} | {F(jsBytes.FirstOrDefault(), 0)} | {F(jsBytes.LastOrDefault(), 0)} |");

        output.WriteLine();
        output.WriteLine("| JS interop call | calls/s per circuit | mean bytes |");
        output.WriteLine("|---|---|---|");
        var byIdentifier = alive.SelectMany(c => c.JsByIdentifier)
            .GroupBy(p => p.Key)
            .Select(g => (Identifier: g.Key, Count: g.Sum(p => p.Value.Count), Bytes: g.Sum(p => p.Value.Bytes)))
            .OrderByDescending(p => p.Bytes);
        foreach (var (identifier, count, bytes) in byIdentifier)
        {
            output.WriteLine($"| {identifier} | {F(count / MeasuredSeconds / Math.Max(1, alive.Length))} | {F(bytes / (double)count, 0)} |");
        }

        output.WriteLine();
        output.WriteLine($"chart updates ('{CircuitStats.ChartUpdate}' calls): {updates.Length}, bytes median {F(Quantile(updates, 0.5), 0)}, p95 {F(Quantile(updates, 0.95), 0)}, max {F(updates.LastOrDefault(), 0)}");

        output.WriteLine(string.Create(Invariant,
            $"SUMMARY circuits={Options.Circuits} alive={AliveAtEnd} failed={failed} disconnected={disconnected} started_s={AllStartedSeconds:F0} " +
            $"cpu_idle={F(idleCpu)} cpu={F(loadCpu)} rss_idle_mb={F(IdleTo?.RssBytes / 1048576.0)} rss_mb={F(To?.RssBytes / 1048576.0)} " +
            $"cpu_ms_per_circuit={F(cpuMsPerCircuit, 3)} rss_kb_per_circuit={F(rssPerCircuitKb)} " +
            $"bytes_s_median={F(Quantile(perCircuit, 0.5), 0)} bytes_s_max={F(perCircuit.LastOrDefault(), 0)} " +
            $"update_median={F(Quantile(updates, 0.5), 0)} update_p95={F(Quantile(updates, 0.95), 0)} update_max={F(updates.LastOrDefault(), 0)} " +
            $"loader_cpu={F(LoaderCpuPercent)}"));
    }

    private static double? Quantile(double[] sorted, double q) => sorted.Length == 0 ? null : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];

    private static double? Quantile(int[] sorted, double q) => sorted.Length == 0 ? null : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(q * sorted.Length))];

    private static string F(double? value, int decimals = 1) => value is { } v ? v.ToString("F" + decimals, Invariant) : "-";
}
