using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Dashboard.Tests.Integration;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Prometheus;

/// <summary>
/// The dashboard executable as its own process, pointed at the test Prometheus with the queries a
/// test gives, the simulated producers off so the only events are the ones under test.
/// </summary>
internal sealed class PrometheusApp : IAsyncDisposable
{
    private readonly DashboardProcess _process;

    private PrometheusApp(DashboardProcess process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    public HttpClient Http { get; }

    public Uri BaseAddress => _process.BaseAddress;

    public string Output => _process.Output;

    /// <summary>Starts the app with <paramref name="queries"/> as <c>Feeds:Prometheus:Queries</c>: (topic, PromQL, interval in seconds).</summary>
    public static async Task<PrometheusApp> StartAsync(PrometheusServer prometheus, int maxBackoffSeconds, params (string Topic, string Query, int IntervalSeconds)[] queries)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { Timeout = TimeSpan.FromSeconds(30) };
        var arguments = new List<string>
        {
            $"--Feeds:Prometheus:Url={prometheus.BaseAddress}",
            $"--Feeds:Prometheus:MaxBackoffSeconds={maxBackoffSeconds}",
            "--Feeds:Ticker:Enabled=false",
            "--Feeds:Metrics:Enabled=false",
            "--Feeds:Alerts:Enabled=false",
        };
        for (var i = 0; i < queries.Length; i++)
        {
            arguments.Add($"--Feeds:Prometheus:Queries:{i}:Topic={queries[i].Topic}");
            arguments.Add($"--Feeds:Prometheus:Queries:{i}:Query={queries[i].Query}");
            arguments.Add($"--Feeds:Prometheus:Queries:{i}:IntervalSeconds={queries[i].IntervalSeconds}");
            arguments.Add($"--Feeds:Prometheus:Queries:{i}:Unit=%");
            arguments.Add($"--Feeds:Prometheus:Queries:{i}:SeriesLabel=instance");
        }

        return new PrometheusApp(await DashboardProcess.StartAsync(http, [.. arguments]), http);
    }

    public Task<SseConnection> StreamAsync(string topic) =>
        SseConnection.OpenAsync(Http, new Uri(BaseAddress, $"/feeds/sse?topic={Uri.EscapeDataString(topic)}"));

    /// <summary>The longest a test waits for the event it expects while other events keep arriving.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Reads until an event of <paramref name="type"/> on <paramref name="topic"/> whose data satisfies <paramref name="condition"/>; fails after <see cref="Patience"/>.</summary>
    public static async Task<JsonElement> NextAsync(SseConnection stream, string topic, string type, Func<JsonElement, bool>? condition = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.True(deadline.Elapsed < Patience, $"No {type} event on {topic} that fits within {Patience}.");
            SseItem<string> item = await stream.NextAsync();
            using var data = JsonDocument.Parse(item.Data);
            if (item.EventType == type && data.RootElement.GetProperty("topic").GetString() == topic && (condition?.Invoke(data.RootElement) ?? true))
            {
                return data.RootElement.Clone();
            }
        }
    }

    public async Task<JsonElement> StatsAsync()
    {
        using var stats = JsonDocument.Parse(await Http.GetStringAsync(new Uri(BaseAddress, "/feeds/stats")));
        return stats.RootElement.Clone();
    }

    /// <summary>The <c>prometheus</c> part of <c>/feeds/stats</c> for one topic.</summary>
    public async Task<JsonElement> QueryStateAsync(string topic) =>
        (await StatsAsync()).GetProperty("prometheus").EnumerateArray().Single(q => q.GetProperty("topic").GetString() == topic);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Http.Dispose();
    }
}
