namespace Feeds.Options;

/// <summary><c>Feeds:Cors</c>: which other origins' pages may read the feeds.</summary>
public sealed class FeedsCorsOptions
{
    /// <summary>Origins (<c>https://example.com</c>) allowed to use <c>/feeds</c>; none means same origin only.</summary>
    public List<string> Origins { get; set; } = [];
}
