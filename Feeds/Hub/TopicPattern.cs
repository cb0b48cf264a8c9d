using System.Diagnostics.CodeAnalysis;

namespace Feeds.Hub;

/// <summary>A topic (<c>clock</c>) or a prefix of topics (<c>ticker/*</c>) that a subscription names.</summary>
public sealed class TopicPattern
{
    private TopicPattern(string text, string? prefix)
    {
        Text = text;
        Prefix = prefix;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>For <c>ticker/*</c> this is <c>ticker/</c>; null for an exact topic.</summary>
    public string? Prefix { get; }

    public bool IsPrefix => Prefix is not null;

    public bool Matches(string topic) =>
        Prefix is null ? string.Equals(topic, Text, StringComparison.Ordinal) : topic.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>True when some topic matches both patterns: <c>metrics/*</c> overlaps <c>metrics/db-1</c> and <c>metrics/db/*</c>.</summary>
    public bool Overlaps(TopicPattern other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (Prefix, other.Prefix) switch
        {
            (null, null) => string.Equals(Text, other.Text, StringComparison.Ordinal),
            (null, _) => other.Matches(Text),
            (_, null) => Matches(other.Text),
            _ => Prefix.StartsWith(other.Prefix, StringComparison.Ordinal) || other.Prefix.StartsWith(Prefix, StringComparison.Ordinal),
        };
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out TopicPattern? pattern)
    {
        pattern = null;
        if (text is null)
        {
            return false;
        }

        if (text.EndsWith("/*", StringComparison.Ordinal))
        {
            var root = text[..^2];
            if (!TopicName.IsValid(root))
            {
                return false;
            }

            pattern = new TopicPattern(text, root + "/");
            return true;
        }

        if (!TopicName.IsValid(text))
        {
            return false;
        }

        pattern = new TopicPattern(text, null);
        return true;
    }

    public static TopicPattern Parse(string text) =>
        TryParse(text, out var pattern) ? pattern : throw new FormatException($"'{text}' is not a topic or a topic prefix ending in '/*'.");

    public override string ToString() => Text;
}
