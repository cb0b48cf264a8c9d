using System.Collections.Concurrent;

namespace Feeds.Hub;

/// <summary>Counts published and dropped events, and each topic's recent rate.</summary>
public sealed class FeedStats(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TopicRate> _topics = new(StringComparer.Ordinal);
    private long _published;
    private long _dropped;

    public long Published => Interlocked.Read(ref _published);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void RecordPublished(string topic)
    {
        Interlocked.Increment(ref _published);
        _topics.GetOrAdd(topic, static _ => new TopicRate()).Record(time.GetUtcNow());
    }

    public void RecordDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>Per topic: events published in all, and per second over the last few seconds.</summary>
    public IReadOnlyList<TopicStats> Topics()
    {
        var now = time.GetUtcNow();
        return _topics
            .Select(pair => new TopicStats(pair.Key, pair.Value.Total, pair.Value.PerSecond(now)))
            .OrderBy(t => t.Topic, StringComparer.Ordinal)
            .ToArray();
    }
}
