namespace Feeds.Hub;

/// <summary>The set of topics and prefixes one subscription listens to.</summary>
public sealed class TopicFilter
{
    private string? _text;

    public TopicFilter(IEnumerable<TopicPattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);

        // A loop rather than DistinctBy: a filter is built for every stream that opens, and names a
        // handful of patterns at most, so a set and its iterators would only be garbage to collect.
        var distinct = new List<TopicPattern>();
        foreach (var pattern in patterns)
        {
            if (!Named(distinct, pattern.Text))
            {
                distinct.Add(pattern);
            }
        }

        if (distinct.Count == 0)
        {
            throw new ArgumentException("A subscription names at least one topic.", nameof(patterns));
        }

        Patterns = [.. distinct];
    }

    private static bool Named(List<TopicPattern> patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            if (string.Equals(pattern.Text, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>The patterns, comma separated; made once, as every stream logs and shows it.</summary>
    public override string ToString() => _text ??= string.Join(",", Patterns.Select(p => p.Text));
}
