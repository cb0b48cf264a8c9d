using System.Text.RegularExpressions;

namespace Dashboard.Demos;

/// <summary>The paragraph <c>/demos/text</c> streams, cut into tokens (words with their spacing) or sentences.</summary>
internal static partial class Paragraph
{
    public const string Text =
        "Server-Sent Events are the simplest way for a server to push text to a browser. " +
        "The browser opens one ordinary HTTP request and the server never quite finishes answering it: " +
        "each event is a few lines of text followed by a blank line, sent the moment it is ready. " +
        "This is how chat assistants stream their answers, a token at a time, so you can start reading before the thinking is done. " +
        "Each piece here carries an id, so if the connection drops, EventSource reconnects by itself and sends Last-Event-ID, " +
        "and the server carries on from the next piece instead of starting over. " +
        "When the paragraph is finished the server sends a done event, and the page closes the stream; " +
        "otherwise the browser would politely reconnect and ask for more.";

    public static IReadOnlyList<string> Tokens { get; } = TokenPattern().Matches(Text).Select(m => m.Value).ToArray();

    public static IReadOnlyList<string> Sentences { get; } = SentencePattern().Matches(Text).Select(m => m.Value).ToArray();

    public static IReadOnlyList<string> In(string unit) => unit == "sentence" ? Sentences : Tokens;

    // A word with its trailing space, roughly what a language model's tokenizer hands out.
    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"[^.;:]+[.;:]\s*")]
    private static partial Regex SentencePattern();
}
