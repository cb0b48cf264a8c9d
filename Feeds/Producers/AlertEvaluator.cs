using System.Globalization;
using Feeds.Options;

namespace Feeds.Producers;

/// <summary>
/// Turns metric samples into alert changes: per host and metric, a level (ok, warning,
/// critical) must hold for <see cref="AlertsOptions.ForSamples"/> samples in a row before an
/// alert is raised, changes severity or is resolved. Not thread-safe: one reader feeds it.
/// </summary>
internal sealed class AlertEvaluator(AlertsOptions options)
{
    private readonly Dictionary<(string Host, string Metric), Condition> _conditions = [];

    /// <summary>The alert changes one sample of <paramref name="host"/> causes, none most of the time.</summary>
    public IEnumerable<AlertEvent> Evaluate(string host, IReadOnlyDictionary<string, double> values, DateTimeOffset now)
    {
        foreach (var (metric, rule) in options.EffectiveRules)
        {
            if (!values.TryGetValue(metric, out var value))
            {
                continue;
            }

            var key = (host, metric);
            if (!_conditions.TryGetValue(key, out var condition))
            {
                condition = new Condition();
                _conditions.Add(key, condition);
            }

            var level = value >= rule.Critical ? AlertEvent.Critical : value >= rule.Warning ? AlertEvent.Warning : null;
            condition.Streak = level == condition.Candidate ? condition.Streak + 1 : 1;
            condition.Candidate = level;
            if (condition.Streak < options.ForSamples || level == condition.Severity)
            {
                continue;
            }

            if (level is null)
            {
                var resolved = new AlertEvent(condition.Id!, condition.Severity!, host, metric, value, LevelOf(rule, condition.Severity!), AlertEvent.Resolved,
                    $"{host} {metric} is back to {Format(value)}, below {Format(rule.Warning)}.");
                condition.Id = null;
                condition.Severity = null;
                yield return resolved;
                continue;
            }

            condition.Id ??= string.Create(CultureInfo.InvariantCulture, $"{host}:{metric}:{now.ToUnixTimeMilliseconds()}");
            condition.Severity = level;
            var threshold = LevelOf(rule, level);
            yield return new AlertEvent(condition.Id, level, host, metric, value, threshold, AlertEvent.Raised,
                $"{host} {metric} is {Format(value)}, at or above the {level} level {Format(threshold)}.");
        }
    }

    private static double LevelOf(AlertRule rule, string severity) => severity == AlertEvent.Critical ? rule.Critical : rule.Warning;

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed class Condition
    {
        public string? Id { get; set; }

        /// <summary>The severity of the alert raised now; null when none is.</summary>
        public string? Severity { get; set; }

        /// <summary>The level of the latest samples, and how many in a row had it.</summary>
        public string? Candidate { get; set; }

        public int Streak { get; set; }
    }
}
