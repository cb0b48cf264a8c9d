namespace Dashboard.Options;

/// <summary>Where a metric turns amber and where it turns red.</summary>
public sealed class Threshold
{
    public double Warning { get; set; }

    public double Critical { get; set; }

    public ThresholdLevel LevelOf(double? value) =>
        value is not { } v ? ThresholdLevel.Unknown
        : v >= Critical ? ThresholdLevel.Critical
        : v >= Warning ? ThresholdLevel.Warning
        : ThresholdLevel.Ok;
}
