namespace Dashboard.Inspector;

/// <summary>Source-generated log messages of the inspector proxy; event ids 7000-7999.</summary>
internal static partial class InspectorLog
{
    [LoggerMessage(7001, LogLevel.Warning, "Inspector proxy refused {Url} from {Client}: {Reason}")]
    public static partial void Refused(ILogger logger, string url, string client, string reason);

    [LoggerMessage(7002, LogLevel.Warning, "Inspector proxy refused a stream from {Client} with {Status}: {Open} of {MaxStreams} proxied streams open, {MaxStreamsPerClient} allowed per client")]
    public static partial void Busy(ILogger logger, string client, int status, int open, int maxStreams, int maxStreamsPerClient);

    [LoggerMessage(7003, LogLevel.Information, "Inspector proxy opened {Url} for {Client}; {Open} proxied streams open")]
    public static partial void Opened(ILogger logger, Uri url, string client, int open);

    [LoggerMessage(7004, LogLevel.Information, "Inspector proxy closed {Url} for {Client} after {Bytes} bytes: {Reason}")]
    public static partial void Closed(ILogger logger, Uri url, string client, long bytes, string reason);

    [LoggerMessage(7005, LogLevel.Warning, "Inspector proxy: {Url} answered {Status} {ContentType}; not relayed")]
    public static partial void NotAStream(ILogger logger, Uri url, int status, string contentType);

    [LoggerMessage(7006, LogLevel.Warning, "Inspector proxy: {Url} did not answer: {Reason}")]
    public static partial void Unanswered(ILogger logger, Uri url, string reason);
}
