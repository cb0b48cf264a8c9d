using System.Globalization;
using Feeds.Client;
using Feeds.Producers;

namespace Dashboard.Components.Widgets;

/// <summary>A <c>clock</c> event read: the server's wall time with its offset, its zone, and the event's ts.</summary>
/// <param name="Time">The server's local time, with the offset it had then.</param>
/// <param name="TimeZone">The server's time zone id.</param>
/// <param name="Ts">Unix milliseconds at publish, the instant <paramref name="Time"/> names.</param>
internal sealed record ClockReading(DateTimeOffset Time, string TimeZone, long Ts)
{
    /// <summary>The reading in a clock event, or null for any other event or an unreadable time.</summary>
    public static ClockReading? From(FeedMessage message)
    {
        if (message.Type != ClockTick.EventType)
        {
            return null;
        }

        var tick = message.As<ClockTick>();
        return DateTimeOffset.TryParse(tick.Time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new ClockReading(time, tick.TimeZone, message.Ts)
            : null;
    }

    /// <summary>The newest readable clock event of a batch, or null.</summary>
    public static ClockReading? Latest(IReadOnlyList<FeedMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (From(messages[i]) is { } reading)
            {
                return reading;
            }
        }

        return null;
    }
}
