using System.Diagnostics;
using FeedLoad;

if (!LoadOptions.TryParse(args, out var options, out var error))
{
    if (error.Length > 0)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

// No connection limit per server and no overall timeout: the streams are meant to stay open.
// No draining either: by default a disposed response is read on for up to 2 s to reuse its
// connection, which for an endless stream only delays the close a browser would make at once.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, MaxResponseDrainSize = 0 })
{
    Timeout = Timeout.InfiniteTimeSpan,
};
if (options.Churn > 0)
{
    return await new ChurnRun(http, options).RunAsync(Console.Out);
}

using var stop = new CancellationTokenSource(options.Duration);
Console.WriteLine($"FeedLoad: {options.Clients} clients ({options.Stalled} more stalled) for {options.Duration.TotalSeconds:0.#} s");

// The stalled connections subscribe first, so they are backed up while the healthy ones are measured.
var stalled = Enumerable.Range(0, options.Stalled).Select(_ => new StalledConnection(options.Url).RunAsync(stop.Token)).ToArray();

var started = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var reports = await Task.WhenAll(Enumerable.Range(0, options.Clients)
    .Select(_ => Task.Run(() => new LoadConnection(http, options.Url, TimeProvider.System).RunAsync(stop.Token))));
clock.Stop();

var stalledSubscribed = (await Task.WhenAll(stalled)).Count(subscribed => subscribed);

var summary = new LoadSummary(options, reports, clock.Elapsed, started);
summary.Print(Console.Out);
if (options.Stalled > 0)
{
    Console.WriteLine($"{"stalled subscribed",-22}{stalledSubscribed} / {options.Stalled}");
    var stats = await http.GetStringAsync(new Uri(options.Url, "/feeds/stats"));
    using var json = System.Text.Json.JsonDocument.Parse(stats);
    Console.WriteLine($"{"server dropped",-22}{json.RootElement.GetProperty("dropped").GetInt64()} events (slow subscribers disconnected)");
}

return summary.Failures().Count == 0 ? 0 : 1;
