using System.Text.Json;

namespace Feeds.Hub;

/// <summary>The one JSON shape used on every wire: camelCase, numbers as numbers.</summary>
public static class FeedJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
