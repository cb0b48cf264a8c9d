namespace Feeds.Hub;

/// <summary>One topic's counters as <c>/feeds/stats</c> reports them.</summary>
public sealed record TopicStats(string Topic, long Published, double PerSecond);
