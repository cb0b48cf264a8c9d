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
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
{
    Timeout = Timeout.InfiniteTimeSpan,
};
using var stop = new CancellationTokenSource(options.Duration);
Console.WriteLine($"FeedLoad: {options.Clients} clients for {options.Duration.TotalSeconds:0.#} s");

var clock = Stopwatch.StartNew();
var reports = await Task.WhenAll(Enumerable.Range(0, options.Clients)
    .Select(_ => Task.Run(() => new LoadConnection(http, options.Url, TimeProvider.System).RunAsync(stop.Token))));
clock.Stop();

var summary = new LoadSummary(options, reports, clock.Elapsed);
summary.Print(Console.Out);
return summary.Failures().Count == 0 ? 0 : 1;
