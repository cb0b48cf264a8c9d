namespace Feeds.Hub;

/// <summary>Rules for topic names: slash-separated segments of letters, digits, '-', '_' and '.'.</summary>
public static class TopicName
{
    public const int MaxLength = 200;

    public static bool IsValid(string? topic)
    {
        if (string.IsNullOrEmpty(topic) || topic.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in topic.Split('/'))
        {
            if (segment.Length == 0 || !segment.All(IsSegmentChar))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSegmentChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
