namespace FeedLoad.Wire;

/// <summary>
/// One dispatched event as <see cref="SseReader"/> hands it over: views into the reader's own
/// buffers, valid until the reader is called again, so no event costs a string or an array.
/// </summary>
/// <param name="Type">The <c>event:</c> field's value; empty when the event had none (type "message").</param>
/// <param name="Id">The <c>id:</c> field as a number; null when the event had no id or one that is not a non-negative integer.</param>
/// <param name="Data">The <c>data:</c> lines joined by LF.</param>
internal readonly ref struct SseEvent(ReadOnlySpan<byte> type, long? id, ReadOnlySpan<byte> data)
{
    public ReadOnlySpan<byte> Type { get; } = type;

    public long? Id { get; } = id;

    public ReadOnlySpan<byte> Data { get; } = data;
}
