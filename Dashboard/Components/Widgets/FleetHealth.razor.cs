using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A <see cref="HealthTile"/> per host seen on <c>metrics/*</c>, the fleet first and this server
/// (<c>self</c>) last. Hosts are discovered from the stream, so a remote feeds server with other
/// hosts needs no configuration here.
/// </summary>
public sealed partial class FleetHealth : LiveComponent
{
    private const string Prefix = "metrics/";
    private const string Self = "self";

    private readonly List<string> _hosts = [];

    protected override IReadOnlyList<string> Feeds { get; } = [DashboardFeeds.Metrics];

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        foreach (var topic in snapshot.Topics)
        {
            Add(topic);
        }
    }

    // The tiles render themselves; this list only renders when a host appears.
    protected override Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        var added = false;
        foreach (var message in batch)
        {
            added |= Add(message.Topic);
        }

        if (added)
        {
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    private bool Add(string topic)
    {
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var host = topic[Prefix.Length..];
        if (host.Length == 0 || _hosts.Contains(host))
        {
            return false;
        }

        _hosts.Add(host);
        _hosts.Sort((a, b) => (a == Self).CompareTo(b == Self) is var bySelf and not 0 ? bySelf : string.CompareOrdinal(a, b));
        return true;
    }
}
