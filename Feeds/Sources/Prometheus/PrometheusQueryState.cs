namespace Feeds.Sources.Prometheus;

/// <summary>One query's latest outcome: written by its poll loop, read by <c>/feeds/stats</c> and the metrics.</summary>
internal sealed class PrometheusQueryState(PrometheusQueryOptions query)
{
    private readonly Lock _gate = new();
    private PrometheusQueryStats _stats = new(query.Topic, query.Query, PrometheusQueryStatus.Pending, null, null, null, 0, 0);

    public PrometheusQueryOptions Options => query;

    public PrometheusQueryStats Stats
    {
        get
        {
            lock (_gate)
            {
                return _stats;
            }
        }
    }

    public void Succeeded(DateTimeOffset at, int series)
    {
        lock (_gate)
        {
            _stats = _stats with { Status = PrometheusQueryStatus.Ok, Error = null, LastSuccess = at, LastAttempt = at, Failures = 0, Series = series };
        }
    }

    /// <summary>Records a failure and returns how many there have been in a row.</summary>
    public int Failed(DateTimeOffset at, string error)
    {
        lock (_gate)
        {
            _stats = _stats with { Status = PrometheusQueryStatus.Error, Error = error, LastAttempt = at, Failures = _stats.Failures + 1 };
            return _stats.Failures;
        }
    }
}
