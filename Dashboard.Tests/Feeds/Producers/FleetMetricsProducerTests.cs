using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class FleetMetricsProducerTests
{
    [Fact]
    public async Task ExecuteAsync_OneInterval_PublishesOneSamplePerHost()
    {
        var time = new TimerCountingTimeProvider();
        using var feeds = HubFactory.Create(time: time);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("metrics/*"));
        var producer = Create(feeds, time);
        await producer.StartOnFakeClockAsync(time);
        var hosts = MetricsOptions.DefaultHosts;

        time.Advance(TimeSpan.FromSeconds(1));
        var first = await subscription.Reader.NextAsync(hosts.Count);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await subscription.Reader.NextAsync(hosts.Count);
        await producer.StopAndDisposeAsync();

        foreach (var (tick, at) in new[] { (first, 1), (second, 2) })
        {
            Assert.Equal(hosts.Select(h => "metrics/" + h), tick.Select(e => e.Topic));
            Assert.All(tick, e => Assert.Equal("metrics", e.Type));
            Assert.All(tick, e => Assert.Equal(new TimerCountingTimeProvider().GetUtcNow().AddSeconds(at), e.Timestamp));
            Assert.Equal(hosts, tick.Select(e => Read(e).Host));
        }

        Assert.Empty(subscription.Reader.Drain());
    }

    [Fact]
    public async Task ExecuteAsync_NoIncidents_MetricsWithinBoundsAndHealthy()
    {
        var time = new TimerCountingTimeProvider();
        // Seven-minute samples, so the run covers the whole day's curve.
        var interval = TimeSpan.FromMinutes(7);
        var options = new FeedsOptions { Metrics = { IncidentsPerHour = 0, Seed = 1, IntervalMs = (int)interval.TotalMilliseconds } };
        using var feeds = HubFactory.Create(options, time);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("metrics/*"));
        var producer = Create(feeds, time);
        await producer.StartOnFakeClockAsync(time);

        var samples = new List<HostMetrics>();
        for (var i = 0; i < 200; i++)
        {
            time.Advance(interval);
            samples.AddRange((await subscription.Reader.NextAsync(6)).Select(Read));
        }

        await producer.StopAndDisposeAsync();

        Assert.All(samples, m =>
        {
            AssertWithinBounds(m);
            Assert.Null(m.Incident);
            Assert.True(m.Cpu < Incident.CpuCritical, $"{m.Host} cpu {m.Cpu}");
            Assert.True(m.ErrorRate < Incident.ErrorRateCritical, $"{m.Host} errors {m.ErrorRate}");
            Assert.True(m.Memory < Incident.MemoryCritical, $"{m.Host} memory {m.Memory}");
        });
    }

    [Fact]
    public async Task ExecuteAsync_HighIncidentRate_IncidentsRaiseTheirMetricsPastCritical()
    {
        var time = new TimerCountingTimeProvider();
        var options = new FeedsOptions { Metrics = { IncidentsPerHour = 3600, Seed = 3, IntervalMs = 1000 } };
        using var feeds = HubFactory.Create(options, time);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("metrics/*"));
        var producer = Create(feeds, time);
        await producer.StartOnFakeClockAsync(time);

        var samples = new List<HostMetrics>();
        for (var i = 0; i < 60; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            samples.AddRange((await subscription.Reader.NextAsync(6)).Select(Read));
        }

        await producer.StopAndDisposeAsync();

        var incidents = samples.Where(m => m.Incident is not null).ToList();
        Assert.NotEmpty(incidents);
        Assert.All(samples, AssertWithinBounds);
        Assert.All(incidents, AssertElevated);
        Assert.Contains(samples, m => m.Incident is null);
    }

    [Fact]
    public void Next_IncidentOnOneHost_LastsThirtyToOneHundredTwentySecondsThenClears()
    {
        var fleet = new FleetSimulation(["api-1"], 3600, new Random(5), NullLogger.Instance);
        var now = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

        var incidents = new List<string?>();
        for (var i = 0; i < 1200; i++)
        {
            now = now.AddSeconds(1);
            var sample = Assert.Single(fleet.Next(now, 1));
            incidents.Add(sample.Incident);
            if (sample.Incident is not null)
            {
                AssertElevated(sample);
            }
        }

        var runs = Runs(incidents).Where(r => r.Value is not null).ToList();

        // Leave out a run cut short by the end of the sampling.
        var finished = incidents[^1] is null ? runs : runs[..^1];
        Assert.True(finished.Count >= 5, $"only {finished.Count} incidents");
        Assert.All(finished, r => Assert.InRange(r.Length, 30, 120));
        Assert.True(finished.Select(r => r.Value).Distinct().Count() > 1, "every incident was the same kind");
    }

    [Fact]
    public void Next_AcrossTheDay_AfternoonBusierThanNight()
    {
        var night = Average(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero));
        var afternoon = Average(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

        Assert.True(afternoon.Rps > 2 * night.Rps, $"rps {night.Rps} at night, {afternoon.Rps} in the afternoon");
        Assert.True(afternoon.Cpu > night.Cpu + 20, $"cpu {night.Cpu} at night, {afternoon.Cpu} in the afternoon");
        Assert.True(afternoon.P99 > night.P99, $"p99 {night.P99} at night, {afternoon.P99} in the afternoon");

        static (double Rps, double Cpu, double P99) Average(DateTimeOffset at)
        {
            var fleet = new FleetSimulation(["web-1"], 0, new Random(9), NullLogger.Instance);
            var samples = Enumerable.Range(0, 120).Select(i => fleet.Next(at.AddSeconds(i), 1)[0]).ToList();
            return (samples.Average(m => m.RequestsPerSecond), samples.Average(m => m.Cpu), samples.Average(m => m.LatencyP99Ms));
        }
    }

    [Theory]
    [InlineData("web-1", "web")]
    [InlineData("api-2", "api")]
    [InlineData("db-1", "db")]
    [InlineData("cache-1", "cache")]
    [InlineData("batch-7", "app")]
    public void For_HostName_RoleFromItsPrefix(string host, string role) => Assert.Equal(role, HostProfile.For(host).Role);

    [Fact]
    public void Next_SameLoad_RolesDiffer()
    {
        var at = new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
        var fleet = new FleetSimulation(["web-1", "db-1", "cache-1"], 0, new Random(2), NullLogger.Instance);

        var samples = fleet.Next(at, 1).ToDictionary(m => m.Host);

        Assert.True(samples["cache-1"].LatencyP50Ms < samples["db-1"].LatencyP50Ms);
        Assert.True(samples["db-1"].LatencyP50Ms < samples["web-1"].LatencyP50Ms);
        Assert.True(samples["db-1"].Memory > samples["web-1"].Memory);
        Assert.True(samples["cache-1"].RequestsPerSecond > samples["web-1"].RequestsPerSecond);
    }

    [Fact]
    public async Task StartAsync_Enabled_DeclaresATopicPerHost()
    {
        var time = new TimerCountingTimeProvider();
        using var feeds = HubFactory.Create(new FeedsOptions { Metrics = { Hosts = ["web-1", "db-1"] } }, time);
        var producer = Create(feeds, time);

        await producer.StartOnFakeClockAsync(time);
        await producer.StopAndDisposeAsync();

        var topics = feeds.Catalog.All();
        Assert.Equal(["metrics/db-1", "metrics/web-1"], topics.Select(t => t.Topic));
        Assert.All(topics, t => Assert.Equal(("metrics", 1000), (t.Type, t.IntervalMs)));
        Assert.Equal(
            ["host", "cpu", "memory", "requestsPerSecond", "latencyP50Ms", "latencyP99Ms", "errorRate", "incident"],
            topics[0].Fields);
    }

    private static void AssertWithinBounds(HostMetrics m)
    {
        Assert.InRange(m.Cpu, 0, 100);
        Assert.InRange(m.Memory, 0, 100);
        Assert.InRange(m.ErrorRate, 0, 100);
        Assert.True(m.RequestsPerSecond >= 0);
        Assert.True(m.LatencyP50Ms > 0);
        Assert.True(m.LatencyP99Ms > m.LatencyP50Ms, $"{m.Host}: p99 {m.LatencyP99Ms} <= p50 {m.LatencyP50Ms}");
    }

    private static void AssertElevated(HostMetrics m)
    {
        switch (m.Incident)
        {
            case "latency spike": Assert.True(m.LatencyP99Ms > Incident.LatencyP99CriticalMs, $"p99 {m.LatencyP99Ms}"); break;
            case "error burst": Assert.True(m.ErrorRate > Incident.ErrorRateCritical, $"errors {m.ErrorRate}"); break;
            case "cpu saturation": Assert.True(m.Cpu > Incident.CpuCritical, $"cpu {m.Cpu}"); break;
            case "memory leak": Assert.True(m.Memory > Incident.MemoryCritical, $"memory {m.Memory}"); break;
            default: Assert.Fail($"unexpected incident '{m.Incident}'"); break;
        }
    }

    private static List<(string? Value, int Length)> Runs(List<string?> values)
    {
        var runs = new List<(string? Value, int Length)>();
        foreach (var value in values)
        {
            if (runs.Count > 0 && runs[^1].Value == value)
            {
                runs[^1] = (value, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((value, 1));
            }
        }

        return runs;
    }

    private static HostMetrics Read(FeedEvent e) => JsonSerializer.Deserialize<HostMetrics>(e.Data, FeedJson.Options)!;

    private static FleetMetricsProducer Create(TestHub feeds, TimerCountingTimeProvider time) =>
        new(feeds.Hub, feeds.Catalog, SoleLeadership.Default, feeds.Options, time, NullLogger<FleetMetricsProducer>.Instance);
}
