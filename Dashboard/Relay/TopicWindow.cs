using Feeds.Client;

namespace Dashboard.Relay;

/// <summary>One topic's recent events, bounded by age and by count. Not thread-safe: its feed locks.</summary>
internal sealed class TopicWindow(TimeSpan span, int maxEvents)
{
    private readonly Queue<FeedMessage> _events = new();

    public FeedMessage? Latest { get; private set; }

    public void Add(FeedMessage message)
    {
        _events.Enqueue(message);
        Latest = message;
        var oldest = message.Ts - (long)span.TotalMilliseconds;
        while (_events.Count > maxEvents || (_events.Count > 0 && _events.Peek().Ts < oldest))
        {
            _events.Dequeue();
        }
    }

    public FeedMessage[] ToArray() => _events.ToArray();
}
