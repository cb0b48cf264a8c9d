using Feeds.Hub;
using Microsoft.Extensions.Options;

namespace Feeds.Options;

/// <summary>Checks the <c>Feeds</c> section at start; every failure names the key to fix.</summary>
internal sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var failures = new List<string>();
        Range(failures, "Feeds:History:PerTopic", options.History.PerTopic, 1, 1_000_000);
        Range(failures, "Feeds:Sse:HeartbeatSeconds", options.Sse.HeartbeatSeconds, 1, 3600);
        Range(failures, "Feeds:Sse:RetryMs", options.Sse.RetryMs, 0, 600_000);
        Range(failures, "Feeds:Sse:QueueCapacity", options.Sse.QueueCapacity, 1, 1_000_000);
        Range(failures, "Feeds:Clock:IntervalMs", options.Clock.IntervalMs, 10, 3_600_000);
        Range(failures, "Feeds:Ticker:IntervalMs", options.Ticker.IntervalMs, 10, 3_600_000);
        Range(failures, "Feeds:Metrics:IntervalMs", options.Metrics.IntervalMs, 10, 3_600_000);

        if (options.Metrics.IncidentsPerHour is < 0 or > 3600 || double.IsNaN(options.Metrics.IncidentsPerHour))
        {
            failures.Add($"Feeds:Metrics:IncidentsPerHour must be between 0 and 3600 (was {options.Metrics.IncidentsPerHour}).");
        }

        if (options.Clock.TimeZone.Length > 0 && !TimeZoneInfo.TryFindSystemTimeZoneById(options.Clock.TimeZone, out _))
        {
            failures.Add($"Feeds:Clock:TimeZone '{options.Clock.TimeZone}' is not a known time zone.");
        }

        failures.AddRange(options.Alerts.Validate());
        Segments(failures, "Feeds:Ticker:Symbols", options.Ticker.Symbols);
        Segments(failures, "Feeds:Metrics:Hosts", options.Metrics.Hosts);
        if (options.Metrics.Hosts.Contains("self", StringComparer.Ordinal))
        {
            failures.Add("Feeds:Metrics:Hosts must not contain 'self': metrics/self is this server's own metrics.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min} and {max} (was {value}).");
        }
    }

    private static void Segments(List<string> failures, string key, List<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!TopicName.IsValid(values[i]) || values[i].Contains('/', StringComparison.Ordinal))
            {
                failures.Add($"{key}:{i} '{values[i]}' must be letters, digits, '-', '_' or '.'.");
            }
        }

        foreach (var duplicate in values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{key} lists '{duplicate.Key}' more than once.");
        }
    }
}
