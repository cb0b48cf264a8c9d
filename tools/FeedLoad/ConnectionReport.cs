using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Feeds.Client;

namespace FeedLoad;

/// <summary>What one connection saw: its events, what was wrong with them, and how late each arrived.</summary>
internal sealed class ConnectionReport
{
    private long _lastId;

    public bool Connected { get; set; }

    /// <summary>Why the connection could not be opened, or null.</summary>
    public string? ConnectError { get; set; }

    /// <summary>Why the stream ended before the run did, or null.</summary>
    public string? Disconnected { get; set; }

    public long Events { get; private set; }

    public long Resets { get; private set; }

    public long ParseErrors { get; private set; }

    public long IdOrderViolations { get; private set; }

    public long MissingTs { get; private set; }

    /// <summary>Receive time minus the event's <c>ts</c>, in ms, per event.</summary>
    public List<double> LatenciesMs { get; } = [];

    /// <summary>When each of those events arrived, Unix ms; the same order as <see cref="LatenciesMs"/>.</summary>
    public List<double> ReceivedAtMs { get; } = [];

    public void Record(SseItem<string> item, double receivedUnixMs)
    {
        Events++;
        if (item.EventType == FeedReset.EventType)
        {
            // Not a published event: it has no id and its ts is when the server noticed the gap.
            Resets++;
            return;
        }

        if (!long.TryParse(item.EventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ParseErrors++;
        }
        else
        {
            if (id <= _lastId)
            {
                IdOrderViolations++;
            }

            _lastId = id;
        }

        try
        {
            using var data = JsonDocument.Parse(item.Data);
            if (data.RootElement.ValueKind != JsonValueKind.Object)
            {
                ParseErrors++;
            }
            else if (data.RootElement.TryGetProperty("ts", out var ts) && ts.TryGetInt64(out var publishedMs))
            {
                LatenciesMs.Add(receivedUnixMs - publishedMs);
                ReceivedAtMs.Add(receivedUnixMs);
            }
            else
            {
                MissingTs++;
            }
        }
        catch (JsonException)
        {
            ParseErrors++;
        }
    }
}
