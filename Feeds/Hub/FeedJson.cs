using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Feeds.Hub;

/// <summary>The one JSON shape used on every wire: camelCase, numbers as numbers.</summary>
public static class FeedJson
{
    /// <summary>Read-only with its resolver set, so its contracts can be asked for before any serialisation.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        return options;
    }
}
