using Feeds.Hub;

namespace Feeds.Backplane;

/// <summary>A fixed-size ring of one topic's newest events. Not thread-safe: its owner locks.</summary>
internal sealed class TopicHistory(int capacity)
{
    private readonly FeedEvent[] _ring = new FeedEvent[capacity];
    private int _start;
    private int _count;

    /// <summary>The id of the newest event pushed out of the ring; 0 while nothing has been.</summary>
    public long LastTrimmedId { get; private set; }

    public void Add(FeedEvent feedEvent)
    {
        if (_count < _ring.Length)
        {
            _ring[(_start + _count) % _ring.Length] = feedEvent;
            _count++;
            return;
        }

        LastTrimmedId = _ring[_start].Id;
        _ring[_start] = feedEvent;
        _start = (_start + 1) % _ring.Length;
    }

    public void CopyAfter(long afterId, List<FeedEvent> destination)
    {
        for (var i = 0; i < _count; i++)
        {
            var feedEvent = _ring[(_start + i) % _ring.Length];
            if (feedEvent.Id > afterId)
            {
                destination.Add(feedEvent);
            }
        }
    }
}
