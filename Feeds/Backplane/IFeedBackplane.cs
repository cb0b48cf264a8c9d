using Feeds.Hub;

namespace Feeds.Backplane;

/// <summary>
/// Where events get their ids, are kept for replay, and reach every instance. The hub and the
/// transports are the same whichever implementation is registered.
/// </summary>
public interface IFeedBackplane
{
    /// <summary>Gives the draft the next id, stores it in history and delivers it to every listener, in id order.</summary>
    ValueTask<FeedEvent> DispatchAsync(FeedEventDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Registers a listener called for every event, in id order. It must not block.</summary>
    IDisposable Subscribe(Action<FeedEvent> listener);

    /// <summary>The kept events after <paramref name="afterId"/> on topics the filter matches, oldest first.</summary>
    ValueTask<FeedHistory> ReadHistoryAsync(TopicFilter filter, long afterId, CancellationToken cancellationToken = default);

    /// <summary>Why this backplane cannot serve right now, for <c>/healthz</c>; null while it can.</summary>
    string? Problem => null;
}
