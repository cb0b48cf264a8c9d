using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Options;

namespace Feeds.Backplane;

/// <summary>
/// The single-instance backplane: ids from a counter, history in per-topic rings. One lock orders
/// id assignment, history and delivery, so every listener sees events in id order.
/// </summary>
internal sealed class InMemoryBackplane : IFeedBackplane
{
    /// <summary>
    /// A run's ids start above its start time in Unix milliseconds times this, so they lie above
    /// every id an earlier run gave out unless that run averaged more than this many events per
    /// millisecond; and they stay below 2^53, where JavaScript's numbers stop being exact, until 2255.
    /// </summary>
    public const long IdsPerMillisecond = 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TopicHistory> _histories = new(StringComparer.Ordinal);
    private readonly int _historyPerTopic;
    private readonly BackplaneListeners _listeners = new();
    private readonly long _runBase;
    private long _lastId;

    public InMemoryBackplane(IOptions<FeedsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _historyPerTopic = options.Value.History.PerTopic;
        _runBase = time.GetUtcNow().ToUnixTimeMilliseconds() * IdsPerMillisecond;
        _lastId = _runBase;
    }

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
        long trimmed = 0;
        bool ours;
        lock (_gate)
        {
            // An id this run never gave out (below its base, or above its last) is from an earlier
            // run of this process, or from another server: what the client missed is gone. The base
            // itself is where this run began; 0 is no one's id: both ask for everything kept.
            ours = afterId == 0 || (afterId >= _runBase && afterId <= _lastId);
            var from = ours ? afterId : 0;
            foreach (var (topic, history) in _histories)
            {
                if (!filter.Matches(topic))
                {
                    continue;
                }

                history.CopyAfter(from, events);
                trimmed = Math.Max(trimmed, history.LastTrimmedId);
            }
        }

        // Each ring is in id order; merging several topics needs one sort.
        events.Sort(static (a, b) => a.Id.CompareTo(b.Id));

        // Nothing from before this run is kept: a client from an earlier run can resume after the base.
        var oldestAvailable = ours ? trimmed : Math.Max(trimmed, _runBase);
        return ValueTask.FromResult(new FeedHistory(events, ours && afterId >= trimmed, oldestAvailable));
    }
}
