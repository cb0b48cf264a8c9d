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

    [LoggerMessage(3004, LogLevel.Debug, "SSE request refused: {Reason}")]
    public static partial void BadRequest(ILogger logger, string reason);
}
