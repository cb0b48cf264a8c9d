using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using PublishLoad;

if (!PublishOptions.TryParse(args, out var options, out var error))
{
    if (error.Length > 0)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine(PublishOptions.Usage);
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency });
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Key);
Console.WriteLine($"PublishLoad: {options.Concurrency} senders for {options.Duration.TotalSeconds:0.#} s to {options.Url}");

using var stop = new CancellationTokenSource(options.Duration);
var clock = Stopwatch.StartNew();
var senders = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(sender => Task.Run(async () =>
{
    var result = new SenderResult();
    var sequence = 0;
    while (!stop.IsCancellationRequested)
    {
        var body = $$"""{"sender":{{sender}},"n":{{sequence++}},"value":{{Random.Shared.NextDouble().ToString("0.0000", CultureInfo.InvariantCulture)}}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsync(options.Url, content, CancellationToken.None);
            result.Record(response.IsSuccessStatusCode ? null : $"{(int)response.StatusCode}", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            result.Record(ex.Message, Stopwatch.GetElapsedTime(started));
        }
    }

    return result;
})));
clock.Stop();

var latencies = senders.SelectMany(s => s.Latencies).Order().ToArray();
var accepted = senders.Sum(s => s.Accepted);
var failures = senders.SelectMany(s => s.Failures).GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
Console.WriteLine($"{"events accepted",-22}{accepted}");
Console.WriteLine($"{"events/s",-22}{accepted / clock.Elapsed.TotalSeconds:0}");
Console.WriteLine($"{"post latency p50",-22}{Percentile(latencies, 0.50):0.0} ms");
Console.WriteLine($"{"post latency p99",-22}{Percentile(latencies, 0.99):0.0} ms");
Console.WriteLine($"{"post latency max",-22}{(latencies.Length > 0 ? latencies[^1] : 0):0.0} ms");
Console.WriteLine($"{"failed posts",-22}{(failures.Count == 0 ? "0" : string.Join(", ", failures.Select(f => $"{f.Value} × {f.Key}")))}");
return failures.Count == 0 && accepted > 0 ? 0 : 1;

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

/// <summary>One sender's outcomes; each sender owns its own, so no locking.</summary>
internal sealed class SenderResult
{
    public List<double> Latencies { get; } = [];

    public List<string> Failures { get; } = [];

    public long Accepted { get; private set; }

    public void Record(string? failure, TimeSpan latency)
    {
        Latencies.Add(latency.TotalMilliseconds);
        if (failure is null)
        {
            Accepted++;
        }
        else
        {
            Failures.Add(failure);
        }
    }
}
