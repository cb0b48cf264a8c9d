using System.Globalization;
using Feeds.Options;

namespace Feeds.Producers;

/// <summary>
/// Turns metric samples into alert changes: per host and metric, a level (ok, warning,
/// critical) must hold for <see cref="AlertsOptions.ForSamples"/> samples in a row before an
/// alert is raised, changes severity or is resolved. A raised level holds until the value falls
/// <see cref="AlertsOptions.ClearMarginPercent"/> below it, so a value hovering at a level does
/// not flap. Not thread-safe: one reader feeds it.
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

            var level = LevelFor(rule, value, condition.Severity);
            condition.Streak = level == condition.Candidate ? condition.Streak + 1 : 1;
            condition.Candidate = level;
            if (condition.Streak < options.ForSamples || level == condition.Severity)
            {
                continue;
            }

            var name = rule.Name.Length > 0 ? rule.Name : metric;
            if (level is null)
            {
                var cleared = Clear(LevelOf(rule, AlertEvent.Warning));
                var resolved = new AlertEvent(condition.Id!, condition.Severity!, host, metric, value, LevelOf(rule, condition.Severity!), AlertEvent.Resolved,
                    $"{host} {name} is back to {Format(value, rule.Unit)}, below {Format(cleared, rule.Unit)}.", name, rule.Unit);
                condition.Id = null;
                condition.Severity = null;
                yield return resolved;
                continue;
            }

            condition.Id ??= string.Create(CultureInfo.InvariantCulture, $"{host}:{metric}:{now.ToUnixTimeMilliseconds()}");
            condition.Severity = level;
            var threshold = LevelOf(rule, level);
            yield return new AlertEvent(condition.Id, level, host, metric, value, threshold, AlertEvent.Raised,
                $"{host} {name} is {Format(value, rule.Unit)}, at or above the {level} level {Format(threshold, rule.Unit)}.", name, rule.Unit);
        }
    }

    /// <summary>
    /// The level a value is at, given the severity raised now: reaching a level takes the level
    /// itself, leaving the raised one takes falling below it by the clear margin.
    /// </summary>
    private string? LevelFor(AlertRule rule, double value, string? raised)
    {
        var critical = raised == AlertEvent.Critical ? Clear(rule.Critical) : rule.Critical;
        var warning = raised is null ? rule.Warning : Clear(rule.Warning);
        return value >= critical ? AlertEvent.Critical : value >= warning ? AlertEvent.Warning : null;
    }

    private double Clear(double level) => level - Math.Abs(level) * options.ClearMarginPercent / 100;

    private static double LevelOf(AlertRule rule, string severity) => severity == AlertEvent.Critical ? rule.Critical : rule.Warning;

    private static string Format(double value, string unit)
    {
        var number = value.ToString("0.##", CultureInfo.InvariantCulture);
        return unit.Length == 0 ? number : unit == "%" ? number + unit : $"{number} {unit}";
    }

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
