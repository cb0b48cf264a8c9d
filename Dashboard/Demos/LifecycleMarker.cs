using Feeds.Hub;

namespace Dashboard.Demos;

/// <summary>
/// For <c>/demos/lifecycle</c>: an id for the page's stream to resume after (the clock's newest),
/// which also lets the page find its own stream in the server's stream log. The log records each
/// stream's client address and topics, the same for every browser on one machine, and how it
/// opened ("resuming after N"), which is what tells this page's stream from the rest.
/// </summary>
public sealed class LifecycleMarker(FeedHub hub)
{
    public const string Topic = "clock";

    private static readonly TopicFilter Filter = TopicFilter.Parse(Topic);

    public async ValueTask<long> NextAsync(CancellationToken cancellationToken = default)
    {
        var history = await hub.ReadHistoryAsync(Filter, 0, cancellationToken).ConfigureAwait(false);
        return history.Events.Count > 0 ? history.Events[^1].Id : Math.Max(0, history.OldestAvailableId);
    }
}
