namespace Feeds.Options;

/// <summary>
/// One <c>Feeds:Access</c> entry: reading any topic these patterns match needs one of these keys,
/// sent as <c>Authorization: Bearer</c> or, where a browser's EventSource cannot set headers,
/// as the <c>access_token</c> query parameter.
/// </summary>
public sealed class AccessRule
{
    /// <summary>Topics or prefixes (<c>private/*</c>) the rule protects.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Keys that may read them.</summary>
    public List<string> Keys { get; set; } = [];
}
