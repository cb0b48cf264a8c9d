namespace Feeds.Options;

/// <summary><c>Feeds:History</c>: how much each topic keeps for replay.</summary>
public sealed class HistoryOptions
{
    /// <summary>Events kept per topic for <c>Last-Event-ID</c> resume.</summary>
    public int PerTopic { get; set; } = 2400;
}
