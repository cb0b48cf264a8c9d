namespace Feeds.Options;

/// <summary><c>Feeds:Clock</c>: the <c>clock</c> topic.</summary>
public sealed class ClockOptions
{
    public bool Enabled { get; set; } = true;

    public int IntervalMs { get; set; } = 1000;

    /// <summary>An IANA time zone for the server clock; empty for the machine's own.</summary>
    public string TimeZone { get; set; } = "";
}
