using System.Text.Json;
using Feeds.Hub;
using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>Events as the table stores them and as NOTIFY announces them.</summary>
internal static class PostgresEvents
{
    public const string Columns = "id, topic, type, data::text, ts";

    /// <summary>PostgreSQL keeps microseconds; every instance must hand out the same timestamp.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset timestamp) =>
        new(timestamp.UtcTicks - (timestamp.UtcTicks % 10), TimeSpan.Zero);

    public static FeedEvent Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new FeedEvent(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero));
    }

    /// <summary>
    /// A NOTIFY payload: the whole event, or only its id when the event was too big for NOTIFY
    /// (then <paramref name="feedEvent"/> is null and the row must be read from the table).
    /// False for a payload that is neither, which the trigger never sends.
    /// </summary>
    public static bool TryParseNotification(string payload, out long id, out FeedEvent? feedEvent)
    {
        id = 0;
        feedEvent = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out id))
            {
                return false;
            }

            if (!root.TryGetProperty("data", out var data))
            {
                return true;
            }

            // The trigger embeds the stored json text verbatim, so the raw text is the published data byte for byte.
            var ts = DateTimeOffset.UnixEpoch.AddTicks(root.GetProperty("ts").GetInt64() * 10);
            feedEvent = new FeedEvent(id, root.GetProperty("topic").GetString()!, root.GetProperty("type").GetString()!, data.GetRawText(), ts);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
