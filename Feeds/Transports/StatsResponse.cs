using Feeds.Hub;
using Feeds.Sources.Prometheus;

namespace Feeds.Transports;

/// <summary>The body of <c>GET /feeds/stats</c>.</summary>
/// <param name="Subscribers">Subscriptions open on this instance now.</param>
/// <param name="Published">Events delivered on this instance since start, from whichever instance published them.</param>
/// <param name="Dropped">Events a too-slow subscriber could not take; each one disconnected it.</param>
/// <param name="Topics">Per topic: events published, and per second lately.</param>
/// <param name="Cluster">The backplane, this instance, and which instance runs the producers.</param>
/// <param name="Streams">Streams open on this instance now, by transport (<c>sse</c>, <c>ws</c>, <c>poll</c>), as the <c>feeds.streams.open</c> instrument reports them.</param>
/// <param name="Prometheus">Each configured Prometheus query's state on this instance; empty while the source is off.</param>
internal sealed record StatsResponse(
    int Subscribers,
    long Published,
    long Dropped,
    IReadOnlyList<TopicStats> Topics,
    ClusterStats Cluster,
    IReadOnlyDictionary<string, long> Streams,
    IReadOnlyList<PrometheusQueryStats> Prometheus);

/// <param name="Backplane"><c>InMemory</c> or <c>Postgres</c>.</param>
/// <param name="Instance">The instance that answered.</param>
/// <param name="Leader">The instance whose producers run, or null while none is known (the database is away).</param>
/// <param name="IsLeader">Whether the instance that answered leads.</param>
/// <param name="LastId">The newest id this instance has delivered.</param>
/// <param name="Problem">Why the backplane cannot serve now, or null.</param>
internal sealed record ClusterStats(string Backplane, string Instance, string? Leader, bool IsLeader, long LastId, string? Problem);
