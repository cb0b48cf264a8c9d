using Feeds.Hub;

namespace Feeds.Producers;

/// <summary>The JSON field names of a payload, for the topic catalog.</summary>
internal static class PayloadFields
{
    /// <summary>
    /// Read from the serializer's own contract, so the catalog lists exactly what goes on the wire
    /// and cannot drift from the record.
    /// </summary>
    public static IReadOnlyList<string> Of<T>() =>
        FeedJson.Options.GetTypeInfo(typeof(T)).Properties.Select(p => p.Name).ToArray();
}
