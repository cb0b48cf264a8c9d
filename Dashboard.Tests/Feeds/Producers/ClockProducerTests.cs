using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class ClockProducerTests
{
    [Fact]
    public async Task ExecuteAsync_OneInterval_PublishesOneTickInTheConfiguredZone()
    {
        var time = new TimerCountingTimeProvider(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero));
        using var feeds = HubFactory.Create(new FeedsOptions { Clock = { TimeZone = "Europe/Berlin", IntervalMs = 500 } }, time);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("clock"));
        var producer = Create(feeds, time);
        await producer.StartOnFakeClockAsync(time);

        time.Advance(TimeSpan.FromMilliseconds(500));
        var tick = await subscription.Reader.NextAsync();
        time.Advance(TimeSpan.FromMilliseconds(500));
        var next = await subscription.Reader.NextAsync();
        await producer.StopAndDisposeAsync();

        Assert.Equal(("clock", "time"), (tick.Topic, tick.Type));
        var data = JsonSerializer.Deserialize<ClockTick>(tick.Data, FeedJson.Options)!;
        Assert.Equal(new ClockTick("2026-07-01T12:00:00.5000000+02:00", 120, "Europe/Berlin"), data);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, 500, TimeSpan.Zero), tick.Timestamp);
        Assert.Equal(tick.Timestamp.AddMilliseconds(500), next.Timestamp);
        Assert.Empty(subscription.Reader.Drain());
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-01-15T12:00:00Z", "2026-01-15T13:00:00.0000000+01:00", 60)]
    [InlineData("Europe/Berlin", "2026-03-29T01:30:00Z", "2026-03-29T03:30:00.0000000+02:00", 120)]
    [InlineData("America/New_York", "2026-07-04T16:00:00Z", "2026-07-04T12:00:00.0000000-04:00", -240)]
    [InlineData("Asia/Kolkata", "2026-07-04T00:00:00Z", "2026-07-04T05:30:00.0000000+05:30", 330)]
    [InlineData("UTC", "2026-07-04T00:00:00Z", "2026-07-04T00:00:00.0000000+00:00", 0)]
    public void Now_ConfiguredZone_LocalTimeWithItsOffset(string zone, string utc, string expectedTime, int expectedOffset)
    {
        var time = new TimerCountingTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        using var feeds = HubFactory.Create(new FeedsOptions { Clock = { TimeZone = zone } }, time);

        var tick = Create(feeds, time).Now();

        Assert.Equal(new ClockTick(expectedTime, expectedOffset, zone), tick);
    }

    [Fact]
    public void Now_NoZoneConfigured_UsesTheTimeProvidersLocalZone()
    {
        var time = new TimerCountingTimeProvider(new DateTimeOffset(2026, 7, 4, 0, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney"));
        using var feeds = HubFactory.Create(time: time);

        var tick = Create(feeds, time).Now();

        Assert.Equal(new ClockTick("2026-07-04T10:00:00.0000000+10:00", 600, "Australia/Sydney"), tick);
    }

    [Fact]
    public void IanaId_ZoneFoundByWindowsId_ReportsIanaId()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time");

        Assert.Equal("Europe/Berlin", ClockProducer.IanaId(zone));
    }

    [Fact]
    public void IanaId_Utc_ReportsUtc() => Assert.Equal("UTC", ClockProducer.IanaId(TimeZoneInfo.Utc));

    [Fact]
    public async Task StartAsync_Enabled_DeclaresTheClockTopic()
    {
        var time = new TimerCountingTimeProvider();
        using var feeds = HubFactory.Create(new FeedsOptions { Clock = { IntervalMs = 250 } }, time);
        var producer = Create(feeds, time);

        await producer.StartOnFakeClockAsync(time);
        await producer.StopAndDisposeAsync();

        var topic = Assert.Single(feeds.Catalog.All());
        Assert.Equal(("clock", "time", 250), (topic.Topic, topic.Type, topic.IntervalMs));
        Assert.Equal(["time", "utcOffsetMinutes", "timeZone"], topic.Fields);
        Assert.False(string.IsNullOrWhiteSpace(topic.Description));
    }

    private static ClockProducer Create(TestHub feeds, TimerCountingTimeProvider time) =>
        new(feeds.Hub, feeds.Catalog, SoleLeadership.Default, feeds.Options, time, NullLogger<ClockProducer>.Instance);
}
