namespace Feeds.Transports;

/// <summary>The answer to a publish: where the event went and the id it got.</summary>
/// <param name="Id">The event's id; a stream resumed after <c>Id - 1</c> starts with it.</param>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Type">Its SSE event type.</param>
/// <param name="Ts">When the server stamped it, Unix milliseconds.</param>
internal sealed record PublishedEvent(long Id, string Topic, string Type, long Ts);
