using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;

namespace Dashboard.Components.Pages;

/// <summary>
/// One panel per host as its <c>metrics/{host}</c> topic appears, <c>self</c> first. The page
/// itself renders only when a host appears; the panels update themselves.
/// </summary>
public sealed partial class Monitoring
{
    private readonly SortedSet<string> _hosts = new(StringComparer.Ordinal);
    private bool _changed = true;

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Metrics];

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        foreach (var topic in snapshot.Topics)
        {
            Add(topic);
        }
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        foreach (var message in batch)
        {
            Add(message.Topic);
        }
    }

    protected override bool ShouldRender()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }

    private void Add(string topic)
    {
        if (topic.StartsWith(HostMetrics.TopicPrefix, StringComparison.Ordinal) && _hosts.Add(topic[HostMetrics.TopicPrefix.Length..]))
        {
            _changed = true;
        }
    }
}
