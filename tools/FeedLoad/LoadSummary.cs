using System.Globalization;

namespace FeedLoad;

/// <summary>All connections' reports added up, printed, and judged.</summary>
internal sealed class LoadSummary(LoadOptions options, IReadOnlyList<ConnectionReport> reports, TimeSpan elapsed, DateTimeOffset started,
    ServerUsage? server, double clientCpuPercent)
{
    public int Connected => reports.Count(r => r.Connected);

    public int ConnectFailures => reports.Count(r => !r.Connected);

    public int Disconnects => reports.Count(r => r.Disconnected is not null);

    public long Events => reports.Sum(r => r.Events);

    public long ParseErrors => reports.Sum(r => r.ParseErrors);

    public long IdOrderViolations => reports.Sum(r => r.IdOrderViolations);

    public long MissingTs => reports.Sum(r => r.MissingTs);

    public long IdGaps => reports.Sum(r => r.IdGaps);

    public long Resets => reports.Sum(r => r.Resets);

    /// <summary>Every check that failed; empty when the run passed.</summary>
    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        if (ConnectFailures > 0)
        {
            failures.Add($"{ConnectFailures} connections failed, e.g. {reports.First(r => !r.Connected).ConnectError}");
        }

        if (Disconnects > 0)
        {
            failures.Add($"{Disconnects} streams ended early, e.g. {reports.First(r => r.Disconnected is not null).Disconnected}");
        }

        if (Events == 0)
        {
            failures.Add("no events arrived: is anything publishing on these topics?");
        }

        if (ParseErrors > 0)
        {
            failures.Add($"{ParseErrors} events without a numeric id or a JSON object as data");
        }

        if (IdOrderViolations > 0)
        {
            failures.Add($"{IdOrderViolations} events whose id was not above the one before on the same connection");
        }

        if (MissingTs > 0)
        {
            failures.Add($"{MissingTs} events without ts");
        }

        return failures;
    }

    public void Print(TextWriter output)
    {
        var latencies = reports.SelectMany(r => r.LatenciesMs).Order().ToArray();
        var seconds = elapsed.TotalSeconds;
        Line(output, "url", options.Url.ToString());
        Line(output, "duration s", F(seconds));
        Line(output, "clients connected", $"{Connected} / {options.Clients}");
        Line(output, "connect failures", ConnectFailures.ToString(CultureInfo.InvariantCulture));
        Line(output, "early disconnects", Disconnects.ToString(CultureInfo.InvariantCulture));
        Line(output, "events received", Events.ToString(CultureInfo.InvariantCulture));
        Line(output, "events/s", F(Events / seconds));
        Line(output, "parse errors", ParseErrors.ToString(CultureInfo.InvariantCulture));
        Line(output, "id-order violations", IdOrderViolations.ToString(CultureInfo.InvariantCulture));
        Line(output, "id gaps", $"{IdGaps.ToString(CultureInfo.InvariantCulture)} (events missed, on a one-topic server)");
        Line(output, "missing ts", MissingTs.ToString(CultureInfo.InvariantCulture));
        Line(output, "resets", Resets.ToString(CultureInfo.InvariantCulture));
        Line(output, "latency ms p50", F(Percentile(latencies, 0.50)));
        Line(output, "latency ms p90", F(Percentile(latencies, 0.90)));
        Line(output, "latency ms p99", F(Percentile(latencies, 0.99)));
        Line(output, "latency ms max", F(latencies.Length == 0 ? double.NaN : latencies[^1]));
        Line(output, "p99 ms per 10 s", string.Join(" ", WindowP99s(TimeSpan.FromSeconds(10)).Select(F)));
        Line(output, "client CPU %", F(clientCpuPercent));
        if (server is not null)
        {
            Line(output, "server CPU %", F(server.CpuPercent));
            Line(output, "server RSS MB", F(server.RssMb));
        }

        // One Markdown table row, for bench/fanout.sh to collect:
        // | run | clients | connect failures | events/s | id gaps | p50 | p90 | p99 | max | server CPU % | server RSS MB | client CPU % |
        Line(output, "row", string.Join(" | ", [
            $"| {options.Label}", Connected.ToString(CultureInfo.InvariantCulture), ConnectFailures.ToString(CultureInfo.InvariantCulture),
            F0(Events / seconds), IdGaps.ToString(CultureInfo.InvariantCulture),
            F(Percentile(latencies, 0.50)), F(Percentile(latencies, 0.90)), F(Percentile(latencies, 0.99)), F(latencies.Length == 0 ? double.NaN : latencies[^1]),
            server is null ? "–" : F0(server.CpuPercent), server is null ? "–" : F0(server.RssMb), $"{F0(clientCpuPercent)} |"]));
        var failures = Failures();
        Line(output, "result", failures.Count == 0 ? "PASS" : "FAIL");
        foreach (var failure in failures)
        {
            output.WriteLine($"  - {failure}");
        }
    }

    /// <summary>The idle-memory run: what the open streams cost the server in resident memory.</summary>
    public void PrintIdle(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(server);
        var before = server.BeforeConnecting.RssBytes / 1024d / 1024d;
        var perConnection = server.RssKbPerConnection(Connected);
        Line(output, "url", options.Url.ToString());
        Line(output, "clients connected", $"{Connected} / {options.Clients}");
        Line(output, "connect failures", ConnectFailures.ToString(CultureInfo.InvariantCulture));
        Line(output, "server RSS MB", $"{F(before)} with none, {F(server.RssMb)} with {Connected} open");
        Line(output, "RSS KB per stream", F(perConnection));

        // | run | streams | RSS MB at 0 | RSS MB at N | KB per stream |
        Line(output, "row", $"| {options.Label} | {Connected} | {F(before)} | {F(server.RssMb)} | {F(perConnection)} |");
    }

    /// <summary>The p99 of each consecutive window of the run, to show latency changing over time (e.g. once stalled clients are dropped).</summary>
    private IEnumerable<double> WindowP99s(TimeSpan window)
    {
        var start = started.ToUnixTimeMilliseconds();
        var windows = reports
            .SelectMany(r => r.ReceivedAtMs.Zip(r.LatenciesMs))
            .GroupBy(sample => (int)((sample.First - start) / window.TotalMilliseconds))
            .OrderBy(g => g.Key);
        foreach (var samples in windows)
        {
            yield return Percentile(samples.Select(s => s.Second).Order().ToArray(), 0.99);
        }
    }

    /// <summary>Nearest rank: the smallest value with at least that share of values at or below it.</summary>
    internal static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Line(TextWriter output, string name, string value) => output.WriteLine($"{name,-22}{value}");

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string F0(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
