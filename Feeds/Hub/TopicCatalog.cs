using System.Collections.Concurrent;

namespace Feeds.Hub;

/// <summary>The topics this server offers and what each carries, as <c>/feeds/topics</c> lists them.</summary>
public sealed class TopicCatalog
{
    private readonly ConcurrentDictionary<string, TopicInfo> _topics = new(StringComparer.Ordinal);

    public void Declare(TopicInfo topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        _topics[topic.Topic] = topic;
    }

    /// <summary>Declares the topic unless it is declared already; true when this call declared it.</summary>
    public bool TryDeclare(TopicInfo topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return _topics.TryAdd(topic.Topic, topic);
    }

    public IReadOnlyList<TopicInfo> All() =>
        _topics.Values.OrderBy(t => t.Topic, StringComparer.Ordinal).ToArray();

    /// <summary>True when some declared topic matches the pattern.</summary>
    public bool Covers(TopicPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);

        // An exact name is a lookup. Keys would copy every name under every lock, for each stream that opens.
        if (_topics.ContainsKey(pattern.Text))
        {
            return true;
        }

        foreach (var (topic, _) in _topics)
        {
            if (pattern.Matches(topic))
            {
                return true;
            }
        }

        return false;
    }
}
