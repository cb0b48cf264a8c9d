namespace Feeds.Hub;

/// <summary>The set of topics and prefixes one subscription listens to.</summary>
public sealed class TopicFilter
{
    public TopicFilter(IEnumerable<TopicPattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Patterns = patterns.DistinctBy(p => p.Text, StringComparer.Ordinal).ToArray();
        if (Patterns.Count == 0)
        {
            throw new ArgumentException("A subscription names at least one topic.", nameof(patterns));
        }
    }

    public IReadOnlyList<TopicPattern> Patterns { get; }

    public bool Matches(string topic)
    {
        foreach (var pattern in Patterns)
        {
            if (pattern.Matches(topic))
            {
                return true;
            }
        }

        return false;
    }

    public static TopicFilter Parse(params string[] patterns) => new(patterns.Select(TopicPattern.Parse));

    public override string ToString() => string.Join(",", Patterns.Select(p => p.Text));
}
