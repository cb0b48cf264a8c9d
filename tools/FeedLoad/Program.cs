using System.Diagnostics;
using FeedLoad;
using FeedLoad.Wire;

if (args is ["--self-test"])
{
    return await FeedLoad.SelfTest.SelfCheck.RunAsync(Console.Out);
}

if (!LoadOptions.TryParse(args, out var options, out var error))
{
    if (error.Length > 0)
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

// HttpClient serves the churn runs and the stats requests; the measured streams read raw sockets
// (LoadConnection). No connection limit per server and no overall timeout: the streams are meant
// to stay open. No draining either: by default a disposed response is read on for up to 2 s to reuse its
// connection, which for an endless stream only delays the close a browser would make at once.
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, MaxResponseDrainSize = 0 })
{
    Timeout = Timeout.InfiniteTimeSpan,
};
if (options.Churn > 0)
{
    return await new ChurnRun(http, options).RunAsync(Console.Out);
}

Console.WriteLine($"FeedLoad: {options.Clients} clients ({options.Stalled} more stalled), {options.Warmup.TotalSeconds:0.#} s warm-up, then {(options.IdleSeconds > 0 ? options.IdleSeconds : options.Duration.TotalSeconds):0.#} s");
using var stop = new CancellationTokenSource();
ProcessSample? idleBefore = null;
if (options.IdleSeconds > 0)
{
    idleBefore = ProcessSample.Read(options.ServerPid!.Value);
}

// The stalled connections subscribe first, so they are backed up while the healthy ones are measured.
var stalled = Enumerable.Range(0, options.Stalled).Select(_ => new StalledConnection(options.Url).RunAsync(stop.Token)).ToArray();

var window = new MeasureWindow();
using var connectGate = new SemaphoreSlim(options.ConnectRate);

// The streams are read by one epoll thread per core (ReadinessLoop), each connection by one of them.
var loops = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new ReadinessLoop(stop.Token)).ToArray();
var connections = Enumerable.Range(0, options.Clients)
    .Select(i => new LoadConnection(options.Url, TimeProvider.System, connectGate, window, loops[i % loops.Length])).ToArray();
var ramp = Stopwatch.StartNew();
var running = connections.Select(c => Task.Run(() => c.RunAsync(stop.Token))).ToArray();
await Task.WhenAll(connections.Select(c => c.Opened));
ramp.Stop();
Console.WriteLine($"{"ramp-up s",-22}{ramp.Elapsed.TotalSeconds:0.0}");

var measured = options.IdleSeconds > 0 ? TimeSpan.FromSeconds(options.IdleSeconds) : options.Duration;
var startMs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds + options.Warmup.TotalMilliseconds;
window.Open(startMs, startMs + measured.TotalMilliseconds);
await Task.Delay(options.Warmup);

var self = Process.GetCurrentProcess();
var clientCpuBefore = self.TotalProcessorTime;
var serverBefore = options.ServerPid is { } pid ? ProcessSample.Read(pid) : (ProcessSample?)null;
var clock = Stopwatch.StartNew();
await Task.Delay(measured);
clock.Stop();
var serverAfter = options.ServerPid is { } pid2 ? ProcessSample.Read(pid2) : (ProcessSample?)null;
self.Refresh();
var clientCpu = (self.TotalProcessorTime - clientCpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds * 100;
await stop.CancelAsync();

var reports = await Task.WhenAll(running);
var stalledSubscribed = (await Task.WhenAll(stalled)).Count(subscribed => subscribed);

var server = serverBefore is { } b && serverAfter is { } a ? new ServerUsage(idleBefore ?? b, b, a) : null;
var summary = new LoadSummary(options, reports, clock.Elapsed, DateTimeOffset.FromUnixTimeMilliseconds((long)startMs), server, clientCpu);
if (options.IdleSeconds > 0)
{
    summary.PrintIdle(Console.Out);
    return summary.ConnectFailures == 0 ? 0 : 1;
}

summary.Print(Console.Out);
if (options.Stalled > 0)
{
    Console.WriteLine($"{"stalled subscribed",-22}{stalledSubscribed} / {options.Stalled}");
    var stats = await http.GetStringAsync(new Uri(options.Url, "/feeds/stats"));
    using var json = System.Text.Json.JsonDocument.Parse(stats);
    Console.WriteLine($"{"server dropped",-22}{json.RootElement.GetProperty("dropped").GetInt64()} events (slow subscribers disconnected)");
}

return summary.Failures().Count == 0 ? 0 : 1;
