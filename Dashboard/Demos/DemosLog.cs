namespace Dashboard.Demos;

/// <summary>Source-generated log messages of the teaching demos; event ids 6000-6999.</summary>
internal static partial class DemosLog
{
    [LoggerMessage(6001, LogLevel.Information, "Chat message {Id} from {Author} via {Via}")]
    public static partial void ChatPosted(ILogger logger, long id, string author, string via);

    [LoggerMessage(6002, LogLevel.Information, "Chat WebSocket from {Client} opened")]
    public static partial void SocketOpened(ILogger logger, string client);

    [LoggerMessage(6003, LogLevel.Information, "Chat WebSocket from {Client} closed: {Reason}")]
    public static partial void SocketClosed(ILogger logger, string client, string reason);

    [LoggerMessage(6004, LogLevel.Information, "Demo session {Session} for {User} signed in, expires in {Seconds} s")]
    public static partial void SessionStarted(ILogger logger, string session, string user, int seconds);

    [LoggerMessage(6005, LogLevel.Information, "Demo session {Session} expired")]
    public static partial void SessionExpired(ILogger logger, string session);

    [LoggerMessage(6006, LogLevel.Information, "Text stream ended after {Sent} of {Total} pieces: {Reason}")]
    public static partial void TextEnded(ILogger logger, int sent, int total, string reason);

    [LoggerMessage(6007, LogLevel.Information, "Test alert {Id} published for {Client}")]
    public static partial void TestAlert(ILogger logger, long id, string client);

    [LoggerMessage(6008, LogLevel.Warning, "Demo post from {Client} to {Path} refused: rate limit")]
    public static partial void RateLimited(ILogger logger, string client, string path);

    [LoggerMessage(6009, LogLevel.Error, "The chat house bot failed to post")]
    public static partial void BotFailed(ILogger logger, Exception exception);

    [LoggerMessage(6010, LogLevel.Error, "Demo session {Session} could not be expired")]
    public static partial void SessionExpiryFailed(ILogger logger, string session, Exception exception);
}
