using System.Diagnostics.Metrics;
using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class SelfMetricsProducerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task ExecuteAsync_OneInterval_PublishesRealProcessNumbers()
    {
        var time = new TimerCountingTimeProvider();
        using var feeds = HubFactory.Create(time: time);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("metrics/self"));
        using var requests = new HttpRequestCounter(MeterFactory);
        var producer = Create(feeds, time, requests);
        await producer.StartOnFakeClockAsync(time);

        time.Advance(TimeSpan.FromSeconds(1));
        var sample = await subscription.Reader.NextAsync();
        await producer.StopAndDisposeAsync();

        Assert.Equal(("metrics/self", "process"), (sample.Topic, sample.Type));
        var m = JsonSerializer.Deserialize<ProcessMetrics>(sample.Data, FeedJson.Options)!;
        Assert.Equal("self", m.Host);
        Assert.InRange(m.Cpu, 0, 100);
        Assert.True(m.WorkingSetBytes > 1_000_000, $"working set {m.WorkingSetBytes}");
        Assert.True(m.Memory is > 0 and <= 100, $"memory {m.Memory}");
        Assert.True(m.GcHeapBytes > 0);
        Assert.True(m.Gen0Collections >= m.Gen1Collections && m.Gen1Collections >= m.Gen2Collections && m.Gen2Collections >= 0);
        Assert.True(m.ThreadPoolThreads > 0);
        Assert.True(m.ThreadPoolQueue >= 0);
        Assert.Equal(1, m.ActiveStreams);
        Assert.InRange(m.HostCpu, 0, 100);
        Assert.True(m.LoadAverage >= 0);
        Assert.True(m.RequestsPerSecond >= 0);
    }

    [Fact]
    public async Task ExecuteAsync_RequestsRecorded_CountedInRequestsPerSecond()
    {
        var time = new TimerCountingTimeProvider();
        using var feeds = HubFactory.Create(time: time);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("metrics/self"));
        using var requests = new HttpRequestCounter(MeterFactory);
        var producer = Create(feeds, time, requests);
        await producer.StartOnFakeClockAsync(time);
        var duration = MeterFactory.Create(HttpRequestCounter.MeterName).CreateHistogram<double>(HttpRequestCounter.InstrumentName);

        duration.Record(0.012);
        duration.Record(0.030);
        time.Advance(TimeSpan.FromSeconds(1));
        var busy = await subscription.Reader.NextAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        var idle = await subscription.Reader.NextAsync();
        await producer.StopAndDisposeAsync();

        Assert.True(Read(busy).RequestsPerSecond > 0);
        Assert.Equal(0, Read(idle).RequestsPerSecond);
    }

    [Fact]
    public void TakeCount_MeasurementsOnTheAppsRequestDuration_CountsEachOnce()
    {
        using var requests = new HttpRequestCounter(MeterFactory);
        var meter = MeterFactory.Create(HttpRequestCounter.MeterName);
        var duration = meter.CreateHistogram<double>(HttpRequestCounter.InstrumentName);
        var other = meter.CreateHistogram<double>("http.server.active_requests_duration");

        duration.Record(0.5);
        duration.Record(0.1);
        duration.Record(0.2);
        other.Record(1);

        Assert.Equal(3, requests.TakeCount());
        Assert.Equal(0, requests.TakeCount());
    }

    [Fact]
    public void TakeCount_SameMeterNameFromAnotherApp_NotCounted()
    {
        using var requests = new HttpRequestCounter(MeterFactory);
        using var otherApp = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var unscoped = new Meter(HttpRequestCounter.MeterName);

        otherApp.GetRequiredService<IMeterFactory>().Create(HttpRequestCounter.MeterName)
            .CreateHistogram<double>(HttpRequestCounter.InstrumentName).Record(0.1);
        unscoped.CreateHistogram<double>(HttpRequestCounter.InstrumentName).Record(0.1);

        Assert.Equal(0, requests.TakeCount());
    }

    [Fact]
    public void Sample_NoProcFiles_ReportsZeroForTheMachineAndCarriesOn()
    {
        using var feeds = HubFactory.Create();
        using var requests = new HttpRequestCounter(MeterFactory);
        var sampler = new SelfMetricsSampler(feeds.Hub, requests, new ProcFiles(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        var m = sampler.Sample();

        Assert.Equal(0, m.HostCpu);
        Assert.Equal(0, m.LoadAverage);
        Assert.True(m.WorkingSetBytes > 0);
    }

    [Fact]
    public void Sample_ProcStatAdvanced_HostCpuFromTheDelta()
    {
        using var proc = new TempProc();
        proc.Write("stat", "cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 1 1 1\n");
        proc.Write("loadavg", "1.25 0.80 0.50 2/300 4242\n");
        using var feeds = HubFactory.Create();
        using var requests = new HttpRequestCounter(MeterFactory);
        var sampler = new SelfMetricsSampler(feeds.Hub, requests, new ProcFiles(proc.Root));

        // 200 more ticks, 50 of them busy.
        proc.Write("stat", "cpu  130 0 120 830 120 0 0 0 0 0\n");
        var m = sampler.Sample();

        Assert.Equal(25, m.HostCpu);
        Assert.Equal(1.25, m.LoadAverage);
    }

    [Fact]
    public async Task StartAsync_Enabled_DeclaresMetricsSelf()
    {
        var time = new TimerCountingTimeProvider();
        using var feeds = HubFactory.Create(time: time);
        using var requests = new HttpRequestCounter(MeterFactory);
        var producer = Create(feeds, time, requests);

        await producer.StartOnFakeClockAsync(time);
        await producer.StopAndDisposeAsync();

        var topic = Assert.Single(feeds.Catalog.All());
        Assert.Equal(("metrics/self", "process", 1000), (topic.Topic, topic.Type, topic.IntervalMs));
        Assert.Contains("workingSetBytes", topic.Fields);
        Assert.Contains("loadAverage", topic.Fields);
    }

    private static ProcessMetrics Read(FeedEvent e) => JsonSerializer.Deserialize<ProcessMetrics>(e.Data, FeedJson.Options)!;

    private static SelfMetricsProducer Create(TestHub feeds, TimerCountingTimeProvider time, HttpRequestCounter requests) =>
        new(feeds.Hub, feeds.Catalog, SoleLeadership.Default, feeds.Options, time, NullLogger<SelfMetricsProducer>.Instance, requests);
}
