using Microsoft.Extensions.Logging;

namespace Feeds.Transports;

/// <summary>Source-generated log messages of the transports; event ids are stable, 3000-3999.</summary>
internal static partial class TransportsLog
{
    [LoggerMessage(3001, LogLevel.Debug, "SSE stream opened on {Topics} after id {AfterId}")]
    public static partial void StreamOpened(ILogger logger, string topics, long? afterId);

    [LoggerMessage(3002, LogLevel.Debug, "SSE stream on {Topics} ended after {Sent} events: {Reason}")]
    public static partial void StreamEnded(ILogger logger, string topics, long sent, string reason);

    [LoggerMessage(3003, LogLevel.Information, "SSE stream on {Topics} resumed after {AfterId}, older than the history (oldest available {OldestAvailableId}); sending reset")]
    public static partial void ResetSent(ILogger logger, string topics, long afterId, long oldestAvailableId);

    [LoggerMessage(3004, LogLevel.Debug, "Stream request refused with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(3005, LogLevel.Information, "Event {EventId} published on {Topic} by {Client}")]
    public static partial void Published(ILogger logger, long eventId, string topic, string client);

    [LoggerMessage(3006, LogLevel.Debug, "Publish on {Topic} refused with {Status}: {Reason}")]
    public static partial void PublishRefused(ILogger logger, string topic, int status, string reason);

    [LoggerMessage(3007, LogLevel.Information, "Request to {Path} from {Client} turned away with {Status}: limit reached")]
    public static partial void LimitReached(ILogger logger, string path, string client, int status);

    [LoggerMessage(3008, LogLevel.Information, "Stream connection from {Client} reset: {Reason}")]
    public static partial void ConnectionCut(ILogger logger, string client, string reason);
}
