namespace Feeds.Options;

/// <summary><c>Feeds:History</c>: how much each topic keeps for replay.</summary>
public sealed class HistoryOptions
{
    /// <summary>Events kept per topic for <c>Last-Event-ID</c> resume.</summary>
    public int PerTopic { get; set; } = 2400;

    /// <summary>
    /// How often the PostgreSQL backplane trims its table to <see cref="PerTopic"/> events per topic
    /// (the in-memory rings trim as they go). Between two trims a topic may hold a few more.
    /// </summary>
    public int TrimSeconds { get; set; } = 10;
}
