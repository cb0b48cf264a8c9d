using Microsoft.Extensions.Logging;

namespace Feeds.Sources.Prometheus;

/// <summary>Source-generated log messages of the Prometheus data source; event ids are stable, 8000-8099.</summary>
internal static partial class PrometheusLog
{
    [LoggerMessage(8001, LogLevel.Debug, "Prometheus source is off: Feeds:Prometheus:Url is empty")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(8002, LogLevel.Information, "Prometheus source polls {Url}: {Count} queries")]
    public static partial void Started(ILogger logger, string url, int count);

    [LoggerMessage(8003, LogLevel.Warning, "Prometheus query for {Topic} failed ({ErrorType}): {Error}; retrying in {RetrySeconds} s")]
    public static partial void QueryFailed(ILogger logger, string topic, string errorType, string error, double retrySeconds);

    [LoggerMessage(8004, LogLevel.Information, "Prometheus query for {Topic} answers again after {Failures} failed polls")]
    public static partial void QueryRecovered(ILogger logger, string topic, int failures);

    [LoggerMessage(8005, LogLevel.Error, "The result of the Prometheus query for {Topic} could not be published; the next poll tries again")]
    public static partial void PublishFailed(ILogger logger, string topic, Exception exception);
}
