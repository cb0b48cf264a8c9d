using Feeds.Hub;
using Microsoft.Extensions.Options;

namespace Feeds.Options;

/// <summary>Checks the <c>Feeds</c> section at start; every failure names the key to fix.</summary>
internal sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    private const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var failures = new List<string>();
        Range(failures, "Feeds:History:PerTopic", options.History.PerTopic, 1, 1_000_000);
        Range(failures, "Feeds:History:TrimSeconds", options.History.TrimSeconds, 1, 86_400);
        Range(failures, "Feeds:Backplane:LeaderCheckMs", options.Backplane.LeaderCheckMs, 50, 60_000);
        Range(failures, "Feeds:Backplane:ReconnectMaxMs", options.Backplane.ReconnectMaxMs, 50, 600_000);
        if (!Enum.IsDefined(options.Backplane.Kind))
        {
            failures.Add($"Feeds:Backplane:Kind must be InMemory or Postgres (was {options.Backplane.Kind}).");
        }

        Range(failures, "Feeds:Sse:HeartbeatSeconds", options.Sse.HeartbeatSeconds, 1, 3600);
        Range(failures, "Feeds:Sse:RetryMs", options.Sse.RetryMs, 0, 600_000);
        Range(failures, "Feeds:Sse:WriteTimeoutSeconds", options.Sse.WriteTimeoutSeconds, 1, 3600);
        Range(failures, "Feeds:Sse:QueueCapacity", options.Sse.QueueCapacity, 1, 1_000_000);
        Range(failures, "Feeds:Sse:ShutdownRetryJitterMs", options.Sse.ShutdownRetryJitterMs, 0, 600_000);
        Range(failures, "Feeds:Sse:MaxTopicsPerConnection", options.Sse.MaxTopicsPerConnection, 1, 10_000);
        Range(failures, "Feeds:Sse:MaxStreams", options.Sse.MaxStreams, 1, 1_000_000);
        Range(failures, "Feeds:Sse:MaxStreamsPerClient", options.Sse.MaxStreamsPerClient, 1, 1_000_000);
        Range(failures, "Feeds:Poll:WaitSeconds", options.Poll.WaitSeconds, 1, 300);
        Range(failures, "Feeds:Poll:MaxEvents", options.Poll.MaxEvents, 1, 100_000);
        Range(failures, "Feeds:Publish:MaxBodyBytes", options.Publish.MaxBodyBytes, 2, 16 * 1024 * 1024);
        Range(failures, "Feeds:Publish:PermitsPerSecond", options.Publish.PermitsPerSecond, 1, 1_000_000);
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

        PublishTopics(failures, options.Publish.Topics);
        Keys(failures, "Feeds:Publish:ApiKeys", options.Publish.ApiKeys);
        for (var i = 0; i < options.Access.Count; i++)
        {
            AccessRule(failures, $"Feeds:Access:{i}", options.Access[i]);
        }

        Origins(failures, options.Cors.Origins);

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

    private static void PublishTopics(List<string> failures, List<string> topics)
    {
        for (var i = 0; i < topics.Count; i++)
        {
            if (!TopicName.IsValid(topics[i]))
            {
                failures.Add($"Feeds:Publish:Topics:{i} '{topics[i]}' is not a topic name (segments of letters, digits, '-', '_', '.' separated by '/').");
            }
        }
    }

    /// <summary>A short key is guessable; keys are compared whole, so length is what protects them.</summary>
    private static void Keys(List<string> failures, string key, List<string> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i].Length < MinKeyLength || keys[i].Any(char.IsWhiteSpace))
            {
                failures.Add($"{key}:{i} must be at least {MinKeyLength} characters without spaces.");
            }
        }
    }

    private static void AccessRule(List<string> failures, string key, AccessRule rule)
    {
        if (rule.Topics.Count == 0)
        {
            failures.Add($"{key}:Topics must name at least one topic or prefix.");
        }

        for (var i = 0; i < rule.Topics.Count; i++)
        {
            if (!TopicPattern.TryParse(rule.Topics[i], out _))
            {
                failures.Add($"{key}:Topics:{i} '{rule.Topics[i]}' is not a topic or a prefix ending in '/*'.");
            }
        }

        if (rule.Keys.Count == 0)
        {
            failures.Add($"{key}:Keys must list at least one key.");
        }

        Keys(failures, $"{key}:Keys", rule.Keys);
    }

    private static void Origins(List<string> failures, List<string> origins)
    {
        for (var i = 0; i < origins.Count; i++)
        {
            // An origin is scheme, host and port and nothing else; "*" would turn the allowlist off.
            if (!Uri.TryCreate(origins[i], UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")
                || !string.Equals(uri.GetLeftPart(UriPartial.Authority), origins[i].TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"Feeds:Cors:Origins:{i} '{origins[i]}' must be an origin such as https://example.com (scheme, host and optional port).");
            }
        }
    }
}
