namespace Feeds.Sources.Prometheus;

/// <summary>The data of a <c>source-error</c> event: a poll failed, and when the next one is.</summary>
/// <param name="Query">The PromQL, as configured.</param>
/// <param name="ErrorType">Prometheus' <c>errorType</c> (<c>bad_data</c>, <c>timeout</c>...), or <c>unavailable</c> when it could not be reached.</param>
/// <param name="Error">Prometheus' own error text, or why it could not be reached.</param>
/// <param name="Failures">Failed polls in a row, this one included.</param>
/// <param name="RetryInSeconds">The wait before the next attempt; it doubles with each failure, up to <c>Feeds:Prometheus:MaxBackoffSeconds</c>.</param>
public sealed record PrometheusSourceError(string Query, string ErrorType, string Error, int Failures, double RetryInSeconds)
{
    public const string EventType = "source-error";
}
