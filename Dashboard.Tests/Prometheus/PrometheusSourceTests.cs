using System.Diagnostics;
using System.Text.Json;
using Dashboard.Tests.Integration;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Prometheus;

/// <summary>The Prometheus data source against a real Prometheus scraping a real node_exporter, in the real app.</summary>
[Trait("Tier", "Server")]
[Collection(PrometheusCollection.Name)]
public sealed class PrometheusSourceTests(PrometheusServer prometheus)
{
    private const string CpuQuery = "100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5s])))";

    // Scheduling on a busy 2-core machine: a timer's wake-up and the SSE hop, on top of the interval under test.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Source_NodeCpuQuery_ValuesArriveOnItsTopicWithinTwoIntervals()
    {
        // Arrange
        const int interval = 2;
        await using var app = await PrometheusApp.StartAsync(prometheus, 60, ("prom/node-cpu", CpuQuery, interval));
        await using var stream = await app.StreamAsync("prom/node-cpu");
        var clock = Stopwatch.StartNew();

        // Act
        var result = await PrometheusApp.NextAsync(stream, "prom/node-cpu", "prometheus", HasSeries);
        var elapsed = clock.Elapsed;

        // Assert
        Assert.True(elapsed <= TimeSpan.FromSeconds(2 * interval), $"The first values took {elapsed}.");
        Assert.Equal(CpuQuery, result.GetProperty("query").GetString());
        Assert.Equal("%", result.GetProperty("unit").GetString());
        var series = Assert.Single(result.GetProperty("series").EnumerateArray());
        Assert.Equal(prometheus.NodeInstance, series.GetProperty("name").GetString());
        Assert.InRange(series.GetProperty("value").GetDouble(), 0, 100);
        Assert.Contains("prom/node-cpu", await app.Http.GetStringAsync(new Uri(app.BaseAddress, "/feeds/topics")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_BadPromQL_SourceErrorCarriesPrometheusMessageWhileTheOtherQueryGoesOn()
    {
        // Arrange
        const string bad = "rate(node_cpu_seconds_total[5s";
        var expected = (await prometheus.QueryAsync(bad)).GetProperty("error").GetString();
        await using var app = await PrometheusApp.StartAsync(prometheus, 60, ("prom/bad", bad, 1), ("prom/up", "up{job=\"node\"}", 1));
        await using var stream = await app.StreamAsync("prom/*");

        // Act
        var error = await PrometheusApp.NextAsync(stream, "prom/bad", "source-error");
        var after = new[]
        {
            await PrometheusApp.NextAsync(stream, "prom/up", "prometheus", HasSeries),
            await PrometheusApp.NextAsync(stream, "prom/up", "prometheus", HasSeries),
        };

        // Assert
        Assert.Equal(expected, error.GetProperty("error").GetString());
        Assert.Equal("bad_data", error.GetProperty("errorType").GetString());
        Assert.All(after, up => Assert.Equal(1, up.GetProperty("series")[0].GetProperty("value").GetDouble()));
        var badState = await app.QueryStateAsync("prom/bad");
        Assert.Equal("error", badState.GetProperty("status").GetString());
        Assert.Equal(expected, badState.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, badState.GetProperty("lastSuccess").ValueKind);
        var upState = await app.QueryStateAsync("prom/up");
        Assert.Equal("ok", upState.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, upState.GetProperty("lastSuccess").ValueKind);
    }

    [Fact]
    public async Task Source_PrometheusKilledThenRestarted_ErrorWithinOneIntervalThenLiveAgainWithoutAppRestart()
    {
        // Arrange
        const int interval = 2;
        await using var app = await PrometheusApp.StartAsync(prometheus, 4, ("prom/node-up", "up{job=\"node\"}", interval));
        await using var stream = await app.StreamAsync("prom/node-up");
        await PrometheusApp.NextAsync(stream, "prom/node-up", "prometheus", HasSeries);
        try
        {
            // Act: down
            await prometheus.KillAsync();
            var down = Stopwatch.StartNew();
            var error = await PrometheusApp.NextAsync(stream, "prom/node-up", "source-error");
            var noticed = down.Elapsed;
            var state = await app.QueryStateAsync("prom/node-up");

            // Assert: down
            Assert.True(noticed <= TimeSpan.FromSeconds(interval) + Slack, $"The outage showed after {noticed}.");
            Assert.Equal("unavailable", error.GetProperty("errorType").GetString());
            Assert.Contains("cannot be reached", error.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal("error", state.GetProperty("status").GetString());
            Assert.Contains("cannot be reached", state.GetProperty("error").GetString(), StringComparison.Ordinal);

            // Act: up again, same port and storage
            await prometheus.StartAsync();
            var live = await PrometheusApp.NextAsync(stream, "prom/node-up", "prometheus", HasSeries);

            // Assert: up again, on the same stream of the same process
            Assert.Equal(1, live.GetProperty("series")[0].GetProperty("value").GetDouble());
            Assert.Equal("ok", (await app.QueryStateAsync("prom/node-up")).GetProperty("status").GetString());
        }
        finally
        {
            if (!prometheus.IsRunning)
            {
                await prometheus.StartAsync();
            }
        }
    }

    [Fact]
    public async Task Metrics_PrometheusScrapesTheApp_OpenStreamsQueryMatchesStatsWhileTestStreamsAreOpen()
    {
        // Arrange
        const int testStreams = 3;
        var job = $"dashboard-{Guid.NewGuid():N}";
        await using var app = await PrometheusApp.StartAsync(prometheus, 60,
            ("prom/open-streams", $"max(feeds_streams_open{{job=\"{job}\", transport=\"sse\"}})", 1));
        await prometheus.ScrapeAsync(job, app.BaseAddress);
        await using var reader = await app.StreamAsync("prom/open-streams");
        var before = await OpenSseStreamsAsync(app);

        // Act
        var streams = new List<SseConnection>();
        for (var i = 0; i < testStreams; i++)
        {
            streams.Add(await app.StreamAsync("clock"));
        }

        var open = await OpenSseStreamsAsync(app);
        var whileOpen = await PrometheusApp.NextAsync(reader, "prom/open-streams", "prometheus", r => Value(r) == open);
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }

        var closed = await WaitForSseStreamsAsync(app, before);
        var afterClose = await PrometheusApp.NextAsync(reader, "prom/open-streams", "prometheus", r => Value(r) == closed);

        // Assert
        Assert.Equal(before + testStreams, open);
        Assert.Equal(open, Value(whileOpen));
        Assert.Equal(before, Value(afterClose));
    }

    private static bool HasSeries(JsonElement result) => result.GetProperty("series").GetArrayLength() > 0;

    private static double? Value(JsonElement result) =>
        result.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("value").GetDouble()).Cast<double?>().SingleOrDefault();

    private static async Task<long> OpenSseStreamsAsync(PrometheusApp app) =>
        (await app.StatsAsync()).GetProperty("streams").TryGetProperty("sse", out var sse) ? sse.GetInt64() : 0;

    private static async Task<long> WaitForSseStreamsAsync(PrometheusApp app, long expected)
    {
        // The server notices a closed stream on its next write; the clock writes every second.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var deadline = Stopwatch.StartNew();
        long open;
        while ((open = await OpenSseStreamsAsync(app)) != expected && deadline.Elapsed < PrometheusServer.Patience)
        {
            await timer.WaitForNextTickAsync();
        }

        return open;
    }
}
