using Microsoft.Extensions.Logging;

namespace Feeds.Producers;

/// <summary>Source-generated log messages of the alerts producer; event ids are stable, 2100-2199.</summary>
internal static partial class AlertsLog
{
    [LoggerMessage(2101, LogLevel.Warning, "Alert {State} ({Severity}): {Host} {Metric} = {Value}")]
    public static partial void Changed(ILogger logger, string state, string severity, string host, string metric, double value);

    [LoggerMessage(2102, LogLevel.Error, "The alerts producer could not judge a metrics event; it reads on")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(2103, LogLevel.Information, "Active alerts now {Count}, after alert event {LastAlertId}")]
    public static partial void StateChanged(ILogger logger, int count, long lastAlertId);
}
