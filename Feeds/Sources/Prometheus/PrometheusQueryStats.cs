namespace Feeds.Sources.Prometheus;

/// <summary>One query's state as <c>/feeds/stats</c> shows it.</summary>
/// <param name="Topic">The topic it publishes on.</param>
/// <param name="Query">The PromQL.</param>
/// <param name="Status"><c>pending</c>, <c>ok</c> or <c>error</c>.</param>
/// <param name="Error">The latest failure's text while the status is <c>error</c>; null otherwise.</param>
/// <param name="LastSuccess">When a poll last succeeded, or null if none has.</param>
/// <param name="LastAttempt">When it was last polled, or null.</param>
/// <param name="Failures">Failed polls in a row.</param>
/// <param name="Series">Series in the latest successful result.</param>
public sealed record PrometheusQueryStats(
    string Topic,
    string Query,
    PrometheusQueryStatus Status,
    string? Error,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastAttempt,
    int Failures,
    int Series);
