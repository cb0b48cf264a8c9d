namespace Feeds.Sources.Prometheus;

/// <summary>One element of an instant query's result: its labels (empty for a scalar) and its value, which may be NaN or infinite.</summary>
internal sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value, DateTimeOffset At);
