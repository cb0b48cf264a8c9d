using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Feeds.Client;

/// <summary>Turns a parsed SSE item into a <see cref="FeedMessage"/>, or says why it cannot.</summary>
internal static class SseMessageReader
{
    /// <summary>
    /// False for an event without a numeric id or without a JSON object as data: such an event
    /// cannot be resumed from or read as a feed event, and one bad event must not end the stream.
    /// The control events <c>reset</c> and <c>end</c> have no id by design and read as Id 0, Topic "".
    /// </summary>
    public static bool TryRead(SseItem<string> item, Uri url, ILogger logger, [NotNullWhen(true)] out FeedMessage? message)
    {
        message = null;
        var type = item.EventType;
        var isReset = string.Equals(type, FeedReset.EventType, StringComparison.Ordinal);
        var isControl = isReset || string.Equals(type, FeedEnd.EventType, StringComparison.Ordinal);
        long id = 0;
        if (!isControl && !long.TryParse(item.EventId, NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            ClientLog.EventWithoutId(logger, type, url);
            return false;
        }

        if (!TryParseObject(item.Data, out var data))
        {
            ClientLog.EventWithBadData(logger, item.EventId, type, url);
            return false;
        }

        var topic = data.TryGetProperty("topic", out var topicValue) && topicValue.ValueKind == JsonValueKind.String
            ? topicValue.GetString() ?? ""
            : "";
        var ts = data.TryGetProperty("ts", out var tsValue) && tsValue.ValueKind == JsonValueKind.Number && tsValue.TryGetInt64(out var parsedTs)
            ? parsedTs
            : 0;

        message = new FeedMessage(isControl ? 0 : id, isControl ? "" : topic, type, data, ts);
        if (isReset)
        {
            var reset = Read(data);
            ClientLog.ResetReceived(logger, url, reset.AfterId, reset.OldestAvailableId);
        }

        return true;
    }

    private static bool TryParseObject(string text, out JsonElement data)
    {
        data = default;
        try
        {
            // Deserialize clones into its own document, so the element outlives this call.
            data = JsonSerializer.Deserialize<JsonElement>(text);
            return data.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static FeedReset Read(JsonElement data) =>
        new(Number(data, "afterId"), Number(data, "oldestAvailableId"));

    private static long Number(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;
}
