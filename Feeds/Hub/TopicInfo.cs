namespace Feeds.Hub;

/// <summary>What a topic carries.</summary>
/// <param name="Topic">The topic name.</param>
/// <param name="Type">The event type its events carry.</param>
/// <param name="Description">One sentence for people.</param>
/// <param name="Fields">The data fields besides <c>topic</c> and <c>ts</c>.</param>
/// <param name="IntervalMs">How often it publishes.</param>
public sealed record TopicInfo(string Topic, string Type, string Description, IReadOnlyList<string> Fields, int IntervalMs);
