namespace Dashboard.Options;

public enum ThresholdLevel
{
    Unknown,
    Ok,
    Warning,
    Critical,
}
