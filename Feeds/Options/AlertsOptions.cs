namespace Feeds.Options;

/// <summary>
/// The <c>Feeds:Alerts</c> section: the server watches every <c>metrics/*</c> topic and publishes
/// on <c>alerts</c> when a metric crosses its rule's warning or critical level, and when it is
/// back below.
/// </summary>
public sealed class AlertsOptions
{
    /// <summary>The same levels the dashboard colours values with by default, so a red value and an alert agree.</summary>
    public static readonly IReadOnlyDictionary<string, AlertRule> DefaultRules = new Dictionary<string, AlertRule>(StringComparer.OrdinalIgnoreCase)
    {
        ["cpu"] = new() { Warning = 70, Critical = 90, Name = "CPU", Unit = "%" },
        ["memory"] = new() { Warning = 80, Critical = 95, Name = "Memory", Unit = "%" },
        ["latencyP99Ms"] = new() { Warning = 300, Critical = 800, Name = "Latency p99", Unit = "ms" },
        ["errorRate"] = new() { Warning = 1, Critical = 5, Name = "Error rate", Unit = "%" },
    };

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Samples in a row a metric must stay at a level before the alert is raised, changes severity
    /// or is resolved: one noisy sample must not page anyone.
    /// </summary>
    public int ForSamples { get; set; } = 3;

    /// <summary>
    /// How far below its level a value must fall, in percent of that level, before an alert is
    /// resolved or drops from critical to warning: a memory gauge at 80.1, 79.9, 80.1 must not
    /// raise and resolve over and over. 5 clears an 80 % warning below 76 %.
    /// </summary>
    public double ClearMarginPercent { get; set; } = 5;

    /// <summary>Rules by metric field (<c>cpu</c>, <c>memory</c>, <c>latencyP99Ms</c>, <c>errorRate</c>...); configured ones replace the defaults of the same name.</summary>
    public Dictionary<string, AlertRule> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    private IReadOnlyDictionary<string, AlertRule>? _effectiveRules;

    /// <summary>
    /// The rules in force: the defaults with the configured ones over them; a configured rule
    /// without a name or unit keeps the default's. Merged once.
    /// </summary>
    public IReadOnlyDictionary<string, AlertRule> EffectiveRules => _effectiveRules ??= Merge();

    private Dictionary<string, AlertRule> Merge()
    {
        var rules = new Dictionary<string, AlertRule>(DefaultRules, StringComparer.OrdinalIgnoreCase);
        foreach (var (metric, rule) in Rules)
        {
            var fallback = DefaultRules.GetValueOrDefault(metric);
            rules[metric] = new AlertRule
            {
                Warning = rule.Warning,
                Critical = rule.Critical,
                Name = rule.Name.Length > 0 ? rule.Name : fallback?.Name ?? "",
                Unit = rule.Unit.Length > 0 ? rule.Unit : fallback?.Unit ?? "",
            };
        }

        return rules;
    }

    /// <summary>What is wrong with the section, each naming its key under <paramref name="section"/>.</summary>
    public IEnumerable<string> Validate(string section = "Feeds:Alerts")
    {
        if (ForSamples is < 1 or > 1000)
        {
            yield return $"{section}:ForSamples must be between 1 and 1000 (was {ForSamples}).";
        }

        if (double.IsNaN(ClearMarginPercent) || ClearMarginPercent is < 0 or > 50)
        {
            yield return $"{section}:ClearMarginPercent must be between 0 and 50 (was {ClearMarginPercent}).";
        }

        foreach (var (metric, rule) in Rules)
        {
            if (double.IsNaN(rule.Warning) || double.IsNaN(rule.Critical) || rule.Warning > rule.Critical)
            {
                yield return $"{section}:Rules:{metric}: Warning ({rule.Warning}) must be a number not above Critical ({rule.Critical}).";
            }
        }
    }
}
