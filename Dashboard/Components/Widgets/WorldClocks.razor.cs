using System.Globalization;
using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The server's time shown in each zone of <c>Dashboard:WorldClocks</c>. Computed from the
/// <c>clock</c> feed, not the browser, so every screen on the wall shows the same second.
/// </summary>
public sealed partial class WorldClocks : LiveComponent
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private IReadOnlyList<Zone> _zones = [];
    private ClockReading? _reading;

    protected override IReadOnlyList<string> Feeds { get; } = [DashboardFeeds.Clock];

    protected override void OnInitialized()
    {
        // The ids were checked at start (DashboardOptionsValidator); a zone this machine lost since is skipped, not fatal.
        _zones = Settings.EffectiveWorldClocks
            .Select(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var info) ? new Zone(id, CityOf(id), info) : null)
            .OfType<Zone>()
            .ToArray();
        base.OnInitialized();
    }

    protected override void OnBackfill(string feed, RelaySnapshot snapshot) =>
        _reading = ClockReading.Latest(snapshot.Window(DashboardFeeds.Clock));

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch) =>
        _reading = ClockReading.Latest(batch) ?? _reading;

    protected override void OnFeedReset(string feed) => _reading = null;

    private static string CityOf(string id) => id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');

    // Relative to the server's date, which is what "today" means on this screen.
    private static string DayText(DateTimeOffset local, DateTimeOffset server) =>
        (local.Date - server.Date).Days switch
        {
            0 => "Today",
            1 => "Tomorrow",
            -1 => "Yesterday",
            var days => $"{days:+0;-0} days",
        };

    private sealed record Zone(string Id, string City, TimeZoneInfo Info);
}
