using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Feeds.Hub;

namespace Feeds.Producers;

/// <summary>The JSON field names of a payload, for the topic catalog.</summary>
internal static class PayloadFields
{
    // A copy with a resolver: FeedJson.Options has none until its first serialisation, and
    // GetTypeInfo on it would throw or depend on what happened to run first.
    private static readonly JsonSerializerOptions Contract = new(FeedJson.Options)
    {
        TypeInfoResolver = FeedJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// Read from the serializer's own contract, so the catalog lists exactly what goes on the wire
    /// and cannot drift from the record.
    /// </summary>
    public static IReadOnlyList<string> Of<T>() =>
        Contract.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name).ToArray();
}
