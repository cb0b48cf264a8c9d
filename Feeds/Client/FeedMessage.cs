using System.Text.Json;
using Feeds.Hub;

namespace Feeds.Client;

/// <summary>An event as a consumer of a feed receives it.</summary>
/// <param name="Id">The event id (the SSE <c>id:</c> field).</param>
/// <param name="Topic">The topic, from the data's <c>topic</c>.</param>
/// <param name="Type">The event type (the SSE <c>event:</c> field).</param>
/// <param name="Data">The data object.</param>
/// <param name="Ts">Unix milliseconds at publish, from the data's <c>ts</c>.</param>
public sealed record FeedMessage(long Id, string Topic, string Type, JsonElement Data, long Ts)
{
    /// <summary>The data as <typeparamref name="T"/>.</summary>
    public T As<T>() => Data.Deserialize<T>(FeedJson.Options)
        ?? throw new JsonException($"Event {Id} on {Topic} has no data.");

    /// <summary>A number field of the data, or null when it is absent or not a number.</summary>
    public double? Number(string field) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;
}
