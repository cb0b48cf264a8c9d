namespace Dashboard.Relay;

/// <summary>Source-generated log messages of the relay; event ids 9000-9999.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(9001, LogLevel.Error, "Relay feed {Pattern} stopped: the upstream refused it")]
    public static partial void UpstreamFailed(ILogger logger, string pattern, Exception exception);

    [LoggerMessage(9002, LogLevel.Information, "Relay feed {Pattern} reads {Url}")]
    public static partial void Opening(ILogger logger, string pattern, Uri url);

    [LoggerMessage(9003, LogLevel.Warning, "Relay feed {Pattern}: upstream history no longer covers the gap; window reloaded")]
    public static partial void Reset(ILogger logger, string pattern);

    [LoggerMessage(9004, LogLevel.Warning, "The feeds' topic catalog at {Url} could not be read")]
    public static partial void TopicsUnavailable(ILogger logger, Uri url, Exception exception);
}
