using System.Diagnostics.Metrics;
using Dashboard.Tests.Shared;
using Feeds.Backplane;
using Feeds.Options;
using Feeds.Producers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Feeds.Producers;

/// <summary>What every producer does by way of <see cref="FeedProducer"/>.</summary>
[Trait("Tier", "Unit")]
public sealed class FeedProducerTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Theory]
    [InlineData(nameof(ClockProducer))]
    [InlineData(nameof(TickerProducer))]
    [InlineData(nameof(FleetMetricsProducer))]
    [InlineData(nameof(SelfMetricsProducer))]
    public async Task StartAsync_Disabled_NeitherDeclaresNorPublishes(string producerName)
    {
        var time = new TimerCountingTimeProvider();
        var options = new FeedsOptions { Clock = { Enabled = false }, Ticker = { Enabled = false }, Metrics = { Enabled = false } };
        using var feeds = HubFactory.Create(options, time);
        using var requests = new HttpRequestCounter(_services.GetRequiredService<IMeterFactory>());
        FeedProducer producer = producerName switch
        {
            nameof(ClockProducer) => new ClockProducer(feeds.Hub, feeds.Catalog, SoleLeadership.Default, feeds.Options, time, NullLogger<ClockProducer>.Instance),
            nameof(TickerProducer) => new TickerProducer(feeds.Hub, feeds.Catalog, SoleLeadership.Default, feeds.Options, time, NullLogger<TickerProducer>.Instance),
            nameof(FleetMetricsProducer) => new FleetMetricsProducer(feeds.Hub, feeds.Catalog, SoleLeadership.Default, feeds.Options, time, NullLogger<FleetMetricsProducer>.Instance),
            _ => new SelfMetricsProducer(feeds.Hub, feeds.Catalog, SoleLeadership.Default, feeds.Options, time, NullLogger<SelfMetricsProducer>.Instance, requests),
        };

        await producer.StartAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await producer.StopAndDisposeAsync();

        Assert.Empty(feeds.Catalog.All());
        Assert.Equal(0, time.TimerCount);
        Assert.Equal(0, feeds.Stats.Published);
    }
}
