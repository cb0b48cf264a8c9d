using Feeds.Hub;

namespace Dashboard.Demos;

/// <summary>
/// The id to resume a topic after so that a new reader first gets its last few events: the
/// stream's own resume (Last-Event-ID) doubles as "show me the recent past", so a page that
/// opens on a chat room or an alert list is not empty.
/// </summary>
public sealed class TopicBacklog(FeedHub hub)
{
    /// <summary>
    /// The id to pass as <c>lastEventId</c> to get the last <paramref name="count"/> events of
    /// <paramref name="topic"/>. For a topic with none kept it is still an id, the newest trimmed
    /// one (0 if none was): reading live instead would lose what is published between the page's
    /// render and its stream opening.
    /// </summary>
    public async ValueTask<long> StartAsync(string topic, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var history = await hub.ReadHistoryAsync(TopicFilter.Parse(topic), 0, cancellationToken).ConfigureAwait(false);
        var events = history.Events;
        return events.Count == 0 ? history.OldestAvailableId
            : events.Count > count ? events[^(count + 1)].Id
            : events[0].Id - 1;
    }

    /// <summary>The newest kept event's id on <paramref name="topic"/>, or null: what a page has seen once its backlog is in.</summary>
    public async ValueTask<long?> NewestAsync(string topic, CancellationToken cancellationToken = default)
    {
        var history = await hub.ReadHistoryAsync(TopicFilter.Parse(topic), 0, cancellationToken).ConfigureAwait(false);
        return history.Events.Count == 0 ? null : history.Events[^1].Id;
    }
}
