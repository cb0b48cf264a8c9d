namespace Feeds.Options;

/// <summary><c>Feeds:Publish</c>: <c>POST /feeds/publish/{topic}</c>, for a user's own scripts.</summary>
public sealed class PublishOptions
{
    /// <summary>The topic every server accepts posts on, besides <see cref="Topics"/>.</summary>
    public const string AlertsTopic = "alerts";

    /// <summary>Topics open to posting, besides <see cref="AlertsTopic"/>; exact names, not prefixes.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Keys a caller sends as <c>Authorization: Bearer</c>; none means nobody may publish.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Posts per second each key may make on average (a token bucket); past it 429.</summary>
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>All topics open to posting.</summary>
    public IEnumerable<string> EffectiveTopics => Topics.Append(AlertsTopic).Distinct(StringComparer.Ordinal);
}
