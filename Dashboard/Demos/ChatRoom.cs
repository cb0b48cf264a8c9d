using Feeds.Hub;
using Microsoft.Extensions.Options;

namespace Dashboard.Demos;

/// <summary>
/// The demo chat room: every message, however it came in (WebSocket, POST, the house bot), is one
/// event on <c>chat/lobby</c>, so every reader sees every message, over SSE or WebSocket alike.
/// </summary>
public sealed class ChatRoom(FeedHub hub, IOptions<DemosOptions> options, ILogger<ChatRoom> logger)
{
    public const string Topic = "chat/lobby";
    public const string EventType = "chat";
    public const int MaxAuthorLength = 32;

    /// <summary>How many earlier messages a page that opens is shown, so the room is never empty.</summary>
    public const int Backlog = 20;

    public int MaxLength => options.Value.ChatMaxLength;

    /// <summary>
    /// The largest body <c>POST /demos/chat/messages</c> reads: the longest author and message with
    /// every character escaped (<c>\uXXXX</c>, 6 bytes), and a kilobyte for the rest of the object.
    /// </summary>
    public int MaxPostBytes => ((MaxLength + MaxAuthorLength) * 6) + 1024;

    public async ValueTask<ChatPostResult> PostAsync(ChatPost post, string via, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var text = DemoText.Clean(post.Text);
        if (text.Length == 0)
        {
            return new ChatPostResult(null, "The message is empty.");
        }

        if (text.Length > MaxLength)
        {
            return new ChatPostResult(null, $"The message has {text.Length} characters; at most {MaxLength} (Dashboard:Demos:ChatMaxLength).");
        }

        var author = DemoText.Clean(post.Author);
        author = author.Length == 0 ? "guest" : author[..Math.Min(author.Length, MaxAuthorLength)];
        var published = await hub.PublishAsync(Topic, EventType, new ChatMessage(author, text, via), cancellationToken).ConfigureAwait(false);
        DemosLog.ChatPosted(logger, published.Id, author, via);
        return new ChatPostResult(published, null);
    }
}
