namespace Feeds.Hub;

/// <summary>One published event, as every transport sends it.</summary>
/// <param name="Id">Position in the one sequence shared by all topics; later events have larger ids.</param>
/// <param name="Topic">The topic it was published on, e.g. <c>ticker/ACME</c>.</param>
/// <param name="Type">The event type, sent as the SSE <c>event:</c> field.</param>
/// <param name="Data">JSON object text; it always carries <c>topic</c> and <c>ts</c> (Unix ms at publish).</param>
/// <param name="Timestamp">When it was published.</param>
public sealed record FeedEvent(long Id, string Topic, string Type, string Data, DateTimeOffset Timestamp)
{
    // A copy made with `with` may change any field, so it starts without the encoded form.
    private FeedEvent(FeedEvent original)
    {
        Id = original.Id;
        Topic = original.Topic;
        Type = original.Type;
        Data = original.Data;
        Timestamp = original.Timestamp;
    }

    /// <summary>
    /// The event as one transport encodes it, kept so that it is encoded once however many
    /// subscribers it goes to (the SSE frame: see <c>Transports/SseFrame</c>). Derived from the
    /// fields, so set at most once in effect: two threads racing both store the same bytes.
    /// </summary>
    internal byte[]? EncodedSse { get; set; }

    // The encoded form is a cache, not part of the event: equality stays that of the five fields.
    public bool Equals(FeedEvent? other) =>
        other is not null && Id == other.Id && Topic == other.Topic && Type == other.Type && Data == other.Data && Timestamp == other.Timestamp;

    public override int GetHashCode() => HashCode.Combine(Id, Topic, Type, Data, Timestamp);
}
