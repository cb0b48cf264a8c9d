using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Options;

namespace Feeds.Backplane;

/// <summary>
/// The single-instance backplane: ids from a counter, history in per-topic rings. One lock orders
/// id assignment, history and delivery, so every listener sees events in id order.
/// </summary>
internal sealed class InMemoryBackplane(IOptions<FeedsOptions> options) : IFeedBackplane
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TopicHistory> _histories = new(StringComparer.Ordinal);
    private readonly int _historyPerTopic = options.Value.History.PerTopic;
    private readonly BackplaneListeners _listeners = new();
    private long _lastId;

    public ValueTask<FeedEvent> DispatchAsync(FeedEventDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            var feedEvent = draft.WithId(++_lastId);
            if (!_histories.TryGetValue(feedEvent.Topic, out var history))
            {
                history = new TopicHistory(_historyPerTopic);
                _histories.Add(feedEvent.Topic, history);
            }

            history.Add(feedEvent);
            _listeners.Deliver(feedEvent);

            return ValueTask.FromResult(feedEvent);
        }
    }

    public IDisposable Subscribe(Action<FeedEvent> listener) => _listeners.Add(listener);

    public ValueTask<FeedHistory> ReadHistoryAsync(TopicFilter filter, long afterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var events = new List<FeedEvent>();
        long oldestAvailable = 0;
        bool beyondLast;
        lock (_gate)
        {
            // An id we never gave out means this process restarted since the client saw it: ids
            // started again from 1, and what the client missed is gone.
            beyondLast = afterId > _lastId;
            var from = beyondLast ? 0 : afterId;
            foreach (var (topic, history) in _histories)
            {
                if (!filter.Matches(topic))
                {
                    continue;
                }

                history.CopyAfter(from, events);
                oldestAvailable = Math.Max(oldestAvailable, history.LastTrimmedId);
            }
        }

        // Each ring is in id order; merging several topics needs one sort.
        events.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return ValueTask.FromResult(new FeedHistory(events, !beyondLast && afterId >= oldestAvailable, oldestAvailable));
    }
}
