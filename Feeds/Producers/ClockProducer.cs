using System.Globalization;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>Publishes the server's local time on <c>clock</c> every <c>Feeds:Clock:IntervalMs</c>.</summary>
internal sealed class ClockProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<ClockProducer> logger) : BackgroundService
{
    private readonly ClockOptions _options = options.Value.Clock;

    // The validator has already checked a configured id, so this only throws on a bad config
    // that bypassed validation.
    private readonly TimeZoneInfo _zone = options.Value.Clock.TimeZone.Length == 0
        ? time.LocalTimeZone
        : TimeZoneInfo.FindSystemTimeZoneById(options.Value.Clock.TimeZone);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            ProducersLog.Disabled(logger, nameof(ClockProducer), "Feeds:Clock:Enabled");
            return Task.CompletedTask;
        }

        // Declared before the loop starts, so the catalog is complete once the host has started.
        catalog.Declare(new TopicInfo(
            ClockTick.Topic,
            ClockTick.EventType,
            "The server's local time with its UTC offset and time zone.",
            PayloadFields.Of<ClockTick>(),
            _options.IntervalMs));
        return base.StartAsync(cancellationToken);
    }

    /// <summary>The tick for the current time.</summary>
    internal ClockTick Now()
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone);
        return new ClockTick(
            local.ToString("o", CultureInfo.InvariantCulture),
            (int)local.Offset.TotalMinutes,
            IanaId(_zone));
    }

    /// <summary>
    /// The zone's IANA id, which browsers understand (<c>Intl.DateTimeFormat</c>), even when the
    /// zone was found by its Windows id.
    /// </summary>
    internal static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id
        : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana
        : zone.Id;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ProducerLoop.RunAsync(
            nameof(ClockProducer),
            TimeSpan.FromMilliseconds(_options.IntervalMs),
            time,
            logger,
            async cancellationToken => await hub.PublishAsync(ClockTick.Topic, ClockTick.EventType, Now(), cancellationToken).ConfigureAwait(false),
            stoppingToken);
}
