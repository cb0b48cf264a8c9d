using System.Text.Json;

namespace FeedLoad;

/// <summary>
/// What the load client needs from an event's data: that it is one JSON object, and its <c>ts</c>.
/// Read straight from the UTF-8 bytes the parser hands over, with no string and no document, so a
/// client sharing the machine with the server spends little on each of 100,000 events a second.
/// </summary>
internal readonly record struct EventData(bool IsObject, long? Ts)
{
    public static EventData Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            long? ts = null;

            // Every property is read to the end, so a truncated or malformed object still counts as a parse error.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTs = reader.ValueTextEquals("ts"u8);
                reader.Read();
                if (isTs && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
                {
                    ts = value;
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? new EventData(true, ts) : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
