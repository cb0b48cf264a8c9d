using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Options;

namespace Feeds.Sources.Prometheus;

/// <summary>Checks <c>Feeds:Prometheus</c> at start; every failure names the key to fix. PromQL itself can only be checked by Prometheus, at the first poll.</summary>
internal sealed class PrometheusOptionsValidator : IValidateOptions<FeedsOptions>
{
    private const string Section = "Feeds:Prometheus";
    private const int MaxQueryLength = 10_000;
    private const int MaxUnitLength = 32;

    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prometheus = options.Prometheus;
        var failures = new List<string>();
        if (prometheus.Enabled
            && (!Uri.TryCreate(prometheus.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0))
        {
            failures.Add($"{Section}:Url '{prometheus.Url}' must be an http or https address such as http://127.0.0.1:9090, or empty to turn the source off.");
        }

        Range(failures, $"{Section}:TimeoutSeconds", prometheus.TimeoutSeconds, 1, 300);
        Range(failures, $"{Section}:MaxBackoffSeconds", prometheus.MaxBackoffSeconds, 1, 3600);
        if (prometheus.Enabled && prometheus.Queries.Count == 0)
        {
            failures.Add($"{Section}:Queries must list at least one query while {Section}:Url is set.");
        }

        for (var i = 0; i < prometheus.Queries.Count; i++)
        {
            Query(failures, $"{Section}:Queries:{i}", prometheus.Queries[i]);
        }

        foreach (var duplicate in prometheus.Queries.GroupBy(q => q.Topic, StringComparer.Ordinal).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            failures.Add($"{Section}:Queries names the topic '{duplicate.Key}' more than once; each query needs its own topic.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Query(List<string> failures, string key, PrometheusQueryOptions query)
    {
        if (!TopicName.IsValid(query.Topic))
        {
            failures.Add($"{key}:Topic '{query.Topic}' is not a topic name (segments of letters, digits, '-', '_', '.' separated by '/', e.g. prom/node-cpu).");
        }

        if (string.IsNullOrWhiteSpace(query.Query))
        {
            failures.Add($"{key}:Query must be a PromQL expression, e.g. up.");
        }
        else if (query.Query.Length > MaxQueryLength)
        {
            failures.Add($"{key}:Query must be at most {MaxQueryLength} characters (was {query.Query.Length}).");
        }

        Range(failures, $"{key}:IntervalSeconds", query.IntervalSeconds, 1, 86_400);
        if (query.Unit.Length > MaxUnitLength)
        {
            failures.Add($"{key}:Unit must be at most {MaxUnitLength} characters.");
        }

        if (query.SeriesLabel.Length > 0 && !IsLabelName(query.SeriesLabel))
        {
            failures.Add($"{key}:SeriesLabel '{query.SeriesLabel}' is not a Prometheus label name (letters, digits and '_', not starting with a digit).");
        }
    }

    private static bool IsLabelName(string label) =>
        !char.IsAsciiDigit(label[0]) && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min} and {max} (was {value}).");
        }
    }
}
