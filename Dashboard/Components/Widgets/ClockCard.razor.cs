using System.Globalization;
using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The server's time as the <c>clock</c> feed last said it, in the server's own zone: a
/// heartbeat a glance can check (if it stops, the stream stopped).
/// </summary>
public sealed partial class ClockCard : LiveComponent
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private ClockReading? _reading;

    protected override IReadOnlyList<string> Feeds { get; } = [DashboardFeeds.Clock];

    protected override void OnBackfill(string feed, RelaySnapshot snapshot) =>
        _reading = ClockReading.Latest(snapshot.Window(DashboardFeeds.Clock));

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch) =>
        _reading = ClockReading.Latest(batch) ?? _reading;

    protected override void OnFeedReset(string feed) => _reading = null;
}
