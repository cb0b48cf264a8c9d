using Microsoft.Extensions.Logging;

namespace Feeds;

/// <summary>Source-generated log messages of the hub; event ids are stable, 1000-1999 (producers 2000s, transports 3000s, client 4000s).</summary>
internal static partial class FeedsLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Subscribed to {Topics} after id {AfterId}")]
    public static partial void Subscribed(ILogger logger, string topics, long? afterId);

    [LoggerMessage(1002, LogLevel.Warning, "Subscriber to {Topics} fell behind at event {EventId}; its queue is full and it was disconnected")]
    public static partial void SlowSubscriberDropped(ILogger logger, string topics, long eventId);

}
