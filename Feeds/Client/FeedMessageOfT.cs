namespace Feeds.Client;

/// <summary>An event with its data deserialised, as <see cref="FeedClient.StreamAsync{T}"/> yields it.</summary>
/// <param name="Id">The event id (the SSE <c>id:</c> field).</param>
/// <param name="Topic">The topic, from the data's <c>topic</c>.</param>
/// <param name="Type">The event type (the SSE <c>event:</c> field).</param>
/// <param name="Data">The data object as <typeparamref name="T"/>.</param>
/// <param name="Ts">Unix milliseconds at publish, from the data's <c>ts</c>.</param>
public sealed record FeedMessage<T>(long Id, string Topic, string Type, T Data, long Ts);
