using System.Buffers;
using System.Text.Json;
using Feeds.Hub;

namespace Feeds.Transports;

/// <summary>
/// An event as one JSON object, for the transports that are not SSE (WebSocket, long polling):
/// <c>{"id":12,"topic":"clock","type":"time","data":{...}}</c>, the same fields an SSE frame
/// carries in <c>id:</c>, <c>event:</c> and <c>data:</c>. Control events (reset, end) have no id or topic.
/// </summary>
internal static class FeedEventJson
{
    public static void Write(Utf8JsonWriter writer, FeedEvent feedEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(feedEvent);
        writer.WriteStartObject();
        writer.WriteNumber("id", feedEvent.Id);
        writer.WriteString("topic", feedEvent.Topic);
        writer.WriteString("type", feedEvent.Type);

        // The data is already JSON, as the hub built it; written as is, not parsed again.
        writer.WritePropertyName("data");
        writer.WriteRawValue(feedEvent.Data, skipInputValidation: true);
        writer.WriteEndObject();
    }

    public static void WriteControl(Utf8JsonWriter writer, string type, string data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WritePropertyName("data");
        writer.WriteRawValue(data, skipInputValidation: true);
        writer.WriteEndObject();
    }

    public static ReadOnlyMemory<byte> Serialize(FeedEvent feedEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(feedEvent.Data.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, feedEvent);
        }

        return buffer.WrittenMemory;
    }

    public static ReadOnlyMemory<byte> SerializeControl(string type, string data)
    {
        var buffer = new ArrayBufferWriter<byte>(data.Length + 32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteControl(writer, type, data);
        }

        return buffer.WrittenMemory;
    }
}
