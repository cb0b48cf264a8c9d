namespace Feeds.Options;

/// <summary>Where one metric raises a warning and where a critical alert.</summary>
public sealed class AlertRule
{
    public double Warning { get; set; }

    public double Critical { get; set; }
}
