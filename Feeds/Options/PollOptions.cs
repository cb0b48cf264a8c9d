namespace Feeds.Options;

/// <summary><c>Feeds:Poll</c>: long polling, <c>GET /feeds/poll</c>.</summary>
public sealed class PollOptions
{
    /// <summary>How long a poll waits for an event before answering with none; under common proxy timeouts.</summary>
    public int WaitSeconds { get; set; } = 25;

    /// <summary>The most events one answer carries; the client polls again from the cursor for the rest.</summary>
    public int MaxEvents { get; set; } = 500;
}
