using Dashboard.Options;
using Feeds.Client;
using Feeds.Producers;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The hosts seen on <c>metrics/*</c>, worst first: critical, then warning (an incident counts as
/// one), then ok; ties in a fixed order, so hosts move only when a level changes. Shared by the
/// tiles and the monitoring panels, so both read in the same order. Not thread-safe: one
/// component's renderer feeds it.
/// </summary>
internal sealed class HostRanking(IReadOnlyDictionary<string, Threshold> thresholds, Comparison<string> tieBreak)
{
    private readonly Dictionary<string, ThresholdLevel> _levels = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Hosts { get; private set; } = [];

    /// <summary>Takes a host's newest event; true when the hosts or their order changed.</summary>
    public bool Apply(FeedMessage message)
    {
        if (!message.Topic.StartsWith(HostMetrics.TopicPrefix, StringComparison.Ordinal) || message.Topic.Length == HostMetrics.TopicPrefix.Length)
        {
            return false;
        }

        var host = message.Topic[HostMetrics.TopicPrefix.Length..];
        var level = HostHealth.WorstLevel(thresholds, message);
        if (HostHealth.Incident(message) is not null && level < ThresholdLevel.Warning)
        {
            level = ThresholdLevel.Warning;
        }

        if (_levels.TryGetValue(host, out var known) && known == level)
        {
            return false;
        }

        _levels[host] = level;
        var ordered = _levels.Keys
            .Order(Comparer<string>.Create((a, b) => _levels[b].CompareTo(_levels[a]) is var worse and not 0 ? worse : tieBreak(a, b)))
            .ToArray();
        if (ordered.SequenceEqual(Hosts, StringComparer.Ordinal))
        {
            return false;
        }

        Hosts = ordered;
        return true;
    }
}
