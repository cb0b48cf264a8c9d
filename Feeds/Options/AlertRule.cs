namespace Feeds.Options;

/// <summary>Where one metric raises a warning and where a critical alert, and how people read it.</summary>
public sealed class AlertRule
{
    public double Warning { get; set; }

    public double Critical { get; set; }

    /// <summary>The metric as people call it in alert text, e.g. <c>Latency p99</c>; empty uses the field name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The unit written after its values, e.g. <c>ms</c> or <c>%</c>; empty writes none.</summary>
    public string Unit { get; set; } = "";
}
