using System.Text;

namespace Dashboard.Demos;

/// <summary>Cleans text people type before it goes on a feed: no control characters, no surrounding space.</summary>
internal static class DemoText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            // A line break or a bidi override would let one message disguise itself as another.
            builder.Append(char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
