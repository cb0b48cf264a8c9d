using Feeds.Options;
using Microsoft.Extensions.Options;

namespace Feeds.Sources.Prometheus;

/// <summary>The state of every configured query, one home for <c>/feeds/stats</c>, the metrics and the poller; empty while the source is off.</summary>
public sealed class PrometheusQueryStates
{
    private readonly PrometheusQueryState[] _states;

    public PrometheusQueryStates(IOptions<FeedsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prometheus = options.Value.Prometheus;
        _states = prometheus.Enabled ? prometheus.Queries.Select(q => new PrometheusQueryState(q)).ToArray() : [];
    }

    internal IReadOnlyList<PrometheusQueryState> States => _states;

    public IReadOnlyList<PrometheusQueryStats> All() => _states.Select(s => s.Stats).ToArray();
}
