using Microsoft.Extensions.Logging;

namespace Feeds.Client;

/// <summary>Source-generated log messages of <see cref="FeedClient"/>; event ids are stable, 4000-4999.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(4001, LogLevel.Debug, "Connecting to {Url} after event {LastEventId}")]
    public static partial void Connecting(ILogger logger, Uri url, long? lastEventId);

    [LoggerMessage(4002, LogLevel.Debug, "Streaming {Url}")]
    public static partial void Connected(ILogger logger, Uri url);

    [LoggerMessage(4003, LogLevel.Information, "Stream from {Url} ended after event {LastEventId}: {Reason}")]
    public static partial void StreamEnded(ILogger logger, Uri url, long? lastEventId, string reason);

    [LoggerMessage(4004, LogLevel.Warning, "Connecting to {Url} failed ({Failures} in a row): {Reason}")]
    public static partial void AttemptFailed(ILogger logger, Uri url, int failures, string reason);

    [LoggerMessage(4005, LogLevel.Debug, "Reconnecting to {Url} in {DelayMs} ms")]
    public static partial void RetryScheduled(ILogger logger, Uri url, long delayMs);

    [LoggerMessage(4006, LogLevel.Warning, "{Url} is offline after {Failures} failed attempts; still retrying")]
    public static partial void Offline(ILogger logger, Uri url, int failures);

    [LoggerMessage(4007, LogLevel.Warning, "Skipped an event of type {Type} from {Url}: it has no numeric id")]
    public static partial void EventWithoutId(ILogger logger, string type, Uri url);

    [LoggerMessage(4008, LogLevel.Warning, "Skipped event {EventId} of type {Type} from {Url}: its data is not a JSON object")]
    public static partial void EventWithBadData(ILogger logger, string? eventId, string type, Uri url);

    [LoggerMessage(4009, LogLevel.Warning, "{Url} no longer holds the events after {AfterId}; it resumes after {OldestAvailableId} and the events in between are lost")]
    public static partial void ResetReceived(ILogger logger, Uri url, long afterId, long oldestAvailableId);

    [LoggerMessage(4010, LogLevel.Warning, "Skipped event {EventId} on {Topic}: its data does not deserialise to {DataType}")]
    public static partial void TypedDataSkipped(ILogger logger, long eventId, string topic, string dataType, Exception? exception);

    [LoggerMessage(4011, LogLevel.Error, "{Url} answered {StatusCode}; not retrying")]
    public static partial void FatalResponse(ILogger logger, Uri url, int statusCode);

    [LoggerMessage(4012, LogLevel.Information, "{Url} answered 204 No Content: the server asks the client to stop")]
    public static partial void NoContent(ILogger logger, Uri url);

    [LoggerMessage(4013, LogLevel.Information, "{Url} ended the stream on purpose after id {LastEventId}; not reconnecting")]
    public static partial void EndReceived(ILogger logger, Uri url, long? lastEventId);
}
