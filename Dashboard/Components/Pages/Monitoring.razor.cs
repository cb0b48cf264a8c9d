using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Components.Pages;

/// <summary>
/// One panel per host as its <c>metrics/{host}</c> topic appears, worst first, and among equals
/// <c>self</c> first, so what needs a look is at the top of a desk and of a wall alike. The
/// page itself renders only when a host appears or moves; the panels update themselves.
/// </summary>
public sealed partial class Monitoring
{
    private HostRanking _ranking = default!;
    private bool _changed = true;

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Metrics];

    private IReadOnlyList<string> Hosts => _ranking.Hosts;

    protected override void OnInitialized()
    {
        _ranking = new HostRanking(Settings.EffectiveThresholds,
            (a, b) => (b == HostPanel.Self).CompareTo(a == HostPanel.Self) is var bySelf and not 0 ? bySelf : string.CompareOrdinal(a, b));
        base.OnInitialized();
    }

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        foreach (var topic in snapshot.Topics)
        {
            if (snapshot.Latest(topic) is { } latest)
            {
                _changed |= _ranking.Apply(latest);
            }
        }
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        foreach (var message in batch)
        {
            _changed |= _ranking.Apply(message);
        }
    }

    protected override bool ShouldRender()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }
}
