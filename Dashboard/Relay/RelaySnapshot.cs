using Feeds.Client;

namespace Dashboard.Relay;

/// <summary>A relay feed's windows at one instant: per topic, the kept events, oldest first.</summary>
public sealed class RelaySnapshot(IReadOnlyDictionary<string, IReadOnlyList<FeedMessage>> windows)
{
    public static RelaySnapshot Empty { get; } = new(new Dictionary<string, IReadOnlyList<FeedMessage>>());

    /// <summary>The topics seen, sorted.</summary>
    public IReadOnlyList<string> Topics { get; } = windows.Keys.Order(StringComparer.Ordinal).ToArray();

    public IReadOnlyList<FeedMessage> Window(string topic) => windows.TryGetValue(topic, out var events) ? events : [];

    public FeedMessage? Latest(string topic) => windows.TryGetValue(topic, out var events) && events.Count > 0 ? events[^1] : null;
}
