using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A <see cref="HealthTile"/> per host seen on <c>metrics/*</c>, worst first; among equals the
/// fleet by name, then this server (<c>self</c>). Hosts are discovered from the stream, so a
/// remote feeds server with other hosts needs no configuration here.
/// </summary>
public sealed partial class FleetHealth : LiveComponent
{
    private const string Self = "self";

    private HostRanking _ranking = default!;

    protected override IReadOnlyList<string> Feeds { get; } = [DashboardFeeds.Metrics];

    private IReadOnlyList<string> Hosts => _ranking.Hosts;

    protected override void OnInitialized()
    {
        _ranking = new HostRanking(Settings.EffectiveThresholds,
            (a, b) => (a == Self).CompareTo(b == Self) is var bySelf and not 0 ? bySelf : string.CompareOrdinal(a, b));
        base.OnInitialized();
    }

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        foreach (var topic in snapshot.Topics)
        {
            if (snapshot.Latest(topic) is { } latest)
            {
                _ranking.Apply(latest);
            }
        }
    }

    // The tiles render themselves; this list renders only when a host appears or moves.
    protected override Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        var moved = false;
        foreach (var message in batch)
        {
            moved |= _ranking.Apply(message);
        }

        if (moved)
        {
            StateHasChanged();
        }

        return Task.CompletedTask;
    }
}
