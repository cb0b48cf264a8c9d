using Feeds.Client;

namespace Dashboard.Relay;

/// <summary>
/// One topic's recent events, bounded by age and by count. The newest <c>detail</c> keeps every
/// event; older ones, kept for the long chart windows, are thinned to one per
/// <see cref="CoarseSpacing"/>: an hour of a 4-per-second ticker is 14,400 events, and a
/// chart of an hour draws one bucket per six seconds anyway. Not thread-safe: its feed locks.
/// </summary>
internal sealed class TopicWindow(TimeSpan span, int maxEvents, TimeSpan detail)
{
    /// <summary>Three samples per bucket of the hour chart (600 buckets), so its minimum and maximum still mean something.</summary>
    public static readonly TimeSpan CoarseSpacing = TimeSpan.FromSeconds(2);

    private readonly Queue<FeedMessage> _coarse = new();
    private readonly Queue<FeedMessage> _detail = new();
    private long? _lastCoarseTs;

    public FeedMessage? Latest { get; private set; }

    public int Count => _coarse.Count + _detail.Count;

    public void Add(FeedMessage message)
    {
        _detail.Enqueue(message);
        Latest = message;

        var detailFrom = message.Ts - (long)detail.TotalMilliseconds;
        while (_detail.Count > 0 && _detail.Peek().Ts < detailFrom)
        {
            var aged = _detail.Dequeue();
            if (_lastCoarseTs is not { } lastCoarse || aged.Ts - lastCoarse >= (long)CoarseSpacing.TotalMilliseconds)
            {
                _coarse.Enqueue(aged);
                _lastCoarseTs = aged.Ts;
            }
        }

        var oldest = message.Ts - (long)span.TotalMilliseconds;
        while (_coarse.Count > 0 && (_coarse.Peek().Ts < oldest || Count > maxEvents))
        {
            _coarse.Dequeue();
        }

        while (_detail.Count > 0 && (_detail.Peek().Ts < oldest || Count > maxEvents))
        {
            _detail.Dequeue();
        }
    }

    public FeedMessage[] ToArray() => [.. _coarse, .. _detail];
}
