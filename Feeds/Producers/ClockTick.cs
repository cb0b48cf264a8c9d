namespace Feeds.Producers;

/// <summary>Data of a <c>clock</c> event (type <c>time</c>).</summary>
/// <param name="Time">The server's local time, ISO 8601 with its offset.</param>
/// <param name="UtcOffsetMinutes">The server time zone's offset from UTC now.</param>
/// <param name="TimeZone">The server time zone's id, e.g. <c>Europe/Berlin</c> or <c>UTC</c>.</param>
public sealed record ClockTick(string Time, int UtcOffsetMinutes, string TimeZone)
{
    public const string Topic = "clock";
    public const string EventType = "time";
}
