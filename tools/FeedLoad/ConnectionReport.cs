using System.Text;
using Feeds.Client;

namespace FeedLoad;

/// <summary>What one connection saw inside the measured window: its events, what was wrong with them, and how late each arrived.</summary>
internal sealed class ConnectionReport
{
    private static readonly byte[] ResetType = Encoding.UTF8.GetBytes(FeedReset.EventType);

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

    /// <summary>Ids skipped between two events: events missed, when the stream is of one topic on a server publishing only it.</summary>
    public long IdGaps { get; private set; }

    public long MissingTs { get; private set; }

    /// <summary>Receive time minus the event's <c>ts</c>, in ms, per event.</summary>
    public List<double> LatenciesMs { get; } = [];

    /// <summary>When each of those events arrived, Unix ms; the same order as <see cref="LatenciesMs"/>.</summary>
    public List<double> ReceivedAtMs { get; } = [];

    /// <summary>Counts one event, when <paramref name="counted"/>; its id is remembered either way, so the first counted event's gap is measured too.</summary>
    /// <param name="eventType">The event's type as UTF-8, compared with the types that mean something here.</param>
    /// <param name="eventId">The event's id; null when it had none or one that is not a non-negative integer.</param>
    public void Record(ReadOnlySpan<byte> eventType, long? eventId, EventData data, double receivedUnixMs, bool counted)
    {
        if (eventType.SequenceEqual(ResetType))
        {
            // Not a published event: it has no id and its ts is when the server noticed the gap.
            if (counted)
            {
                Events++;
                Resets++;
            }

            return;
        }

        var hasId = eventId.HasValue;
        var id = eventId.GetValueOrDefault();
        var previous = _lastId;
        if (hasId)
        {
            _lastId = id;
        }

        if (!counted)
        {
            return;
        }

        Events++;
        if (!hasId)
        {
            ParseErrors++;
        }
        else if (id <= previous)
        {
            IdOrderViolations++;
        }
        else if (previous > 0)
        {
            IdGaps += id - previous - 1;
        }

        if (!data.IsObject)
        {
            ParseErrors++;
        }
        else if (data.Ts is { } publishedMs)
        {
            LatenciesMs.Add(receivedUnixMs - publishedMs);
            ReceivedAtMs.Add(receivedUnixMs);
        }
        else
        {
            MissingTs++;
        }
    }
}
