using System.Globalization;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>Publishes the server's local time on <c>clock</c> every <c>Feeds:Clock:IntervalMs</c>.</summary>
internal sealed class ClockProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IFeedLeadership leadership,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<ClockProducer> logger) : FeedProducer(catalog, leadership, time, logger)
{
    private readonly ClockOptions _options = options.Value.Clock;

    // The validator has already checked a configured id, so this only throws on a bad config
    // that bypassed validation.
    private readonly TimeZoneInfo _zone = options.Value.Clock.TimeZone.Length == 0
        ? time.LocalTimeZone
        : TimeZoneInfo.FindSystemTimeZoneById(options.Value.Clock.TimeZone);

    protected override bool Enabled => _options.Enabled;

    protected override string EnabledKey => "Feeds:Clock:Enabled";

    protected override int IntervalMs => _options.IntervalMs;

    protected override IEnumerable<TopicInfo> Topics() =>
    [
        new(ClockTick.Topic, ClockTick.EventType, "The server's local time with its UTC offset and time zone.", PayloadFields.Of<ClockTick>(), _options.IntervalMs),
    ];

    /// <summary>The tick for the current time.</summary>
    internal ClockTick Now()
    {
        var local = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), _zone);
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

    protected override async ValueTask TickAsync(CancellationToken cancellationToken) =>
        await hub.PublishAsync(ClockTick.Topic, ClockTick.EventType, Now(), cancellationToken).ConfigureAwait(false);
}
