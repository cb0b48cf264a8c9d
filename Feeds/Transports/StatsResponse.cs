using Feeds.Hub;

namespace Feeds.Transports;

/// <summary>The body of <c>GET /feeds/stats</c>.</summary>
/// <param name="Subscribers">Subscriptions open on this instance now.</param>
/// <param name="Published">Events published since start.</param>
/// <param name="Dropped">Events a too-slow subscriber could not take; each one disconnected it.</param>
/// <param name="Topics">Per topic: events published, and per second lately.</param>
internal sealed record StatsResponse(int Subscribers, long Published, long Dropped, IReadOnlyList<TopicStats> Topics);
