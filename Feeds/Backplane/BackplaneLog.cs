using Microsoft.Extensions.Logging;

namespace Feeds.Backplane;

/// <summary>Source-generated log messages of the backplanes and leadership; event ids 5000-5999.</summary>
internal static partial class BackplaneLog
{
    [LoggerMessage(5001, LogLevel.Information, "Listening for events on PostgreSQL; delivered through id {LastId}")]
    public static partial void Listening(ILogger logger, long lastId);

    [LoggerMessage(5002, LogLevel.Warning, "PostgreSQL is not reachable ({Reason}); this instance serves what it has and tries again in {DelayMs} ms")]
    public static partial void ListenFailed(ILogger logger, string reason, double delayMs);

    [LoggerMessage(5003, LogLevel.Information, "Delivered {Count} events after id {AfterId} that were written while this instance was not listening")]
    public static partial void CaughtUp(ILogger logger, int count, long afterId);

    [LoggerMessage(5004, LogLevel.Warning, "The feed_events table's newest id is {NewestId}, below the {LastId} already delivered: the database was replaced")]
    public static partial void DatabaseReplaced(ILogger logger, long lastId, long newestId);

    [LoggerMessage(5005, LogLevel.Warning, "Ignored a notification on the feed_events channel that is not one of ours: {Payload}")]
    public static partial void MalformedNotification(ILogger logger, string payload);

    [LoggerMessage(5010, LogLevel.Information, "Instance {Instance} now leads: the producers run here")]
    public static partial void BecameLeader(ILogger logger, string instance);

    [LoggerMessage(5011, LogLevel.Warning, "Instance {Instance} no longer leads: its connection to PostgreSQL failed ({Reason})")]
    public static partial void LostLeadership(ILogger logger, string instance, string reason);

    [LoggerMessage(5012, LogLevel.Warning, "Leadership check failed ({Reason}); trying again in {DelayMs} ms")]
    public static partial void LeadershipCheckFailed(ILogger logger, double delayMs, string reason);

    [LoggerMessage(5020, LogLevel.Debug, "Trimmed {Count} events beyond {PerTopic} per topic")]
    public static partial void Trimmed(ILogger logger, int count, int perTopic);

    [LoggerMessage(5021, LogLevel.Warning, "Trimming history failed ({Reason})")]
    public static partial void TrimFailed(ILogger logger, string reason);

    /// <summary>
    /// The full error behind one of the warnings above. Those come once per retry, as long as the
    /// database is away, so they carry its message only; the stack trace is for debugging.
    /// </summary>
    [LoggerMessage(5030, LogLevel.Debug, "PostgreSQL error in full")]
    public static partial void DatabaseError(ILogger logger, Exception exception);
}
