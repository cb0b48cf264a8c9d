namespace Dashboard.Boards;

/// <summary>A field found in an event's data, as /explore offers it.</summary>
/// <param name="Path">The path a panel would name, e.g. <c>cpu</c> or <c>series[*].value</c>.</param>
/// <param name="IsNumber">True when the value there is a number, so it can be charted.</param>
/// <param name="Sample">The value as it was in the latest event, shortened.</param>
public sealed record DetectedField(string Path, bool IsNumber, string Sample);
