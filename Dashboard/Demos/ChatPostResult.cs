using Feeds.Hub;

namespace Dashboard.Demos;

/// <summary>What posting to the chat room came to: the published event, or why it was refused.</summary>
public readonly record struct ChatPostResult(FeedEvent? Event, string? Error);
