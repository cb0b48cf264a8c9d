using Feeds.Options;
using Feeds.Producers;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class AlertEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_BreachHeldForSamples_RaisesOnceThenResolvesWithTheSameId()
    {
        var evaluator = new AlertEvaluator(new AlertsOptions { ForSamples = 2 });

        var first = Cpu(evaluator, 75);
        var raised = Cpu(evaluator, 76);
        var again = Cpu(evaluator, 77);
        var easing = Cpu(evaluator, 10);
        var resolved = Cpu(evaluator, 11);

        Assert.Empty(first);
        var alert = Assert.Single(raised);
        Assert.Equal((AlertEvent.Raised, AlertEvent.Warning, "web-1", "cpu", 76d, 70d), (alert.State, alert.Severity, alert.Host, alert.Metric, alert.Value, alert.Threshold));
        Assert.Empty(again);
        Assert.Empty(easing);
        var end = Assert.Single(resolved);
        Assert.Equal((AlertEvent.Resolved, alert.Id, AlertEvent.Warning), (end.State, end.Id, end.Severity));
    }

    [Fact]
    public void Evaluate_OneNoisySample_RaisesNothing()
    {
        var evaluator = new AlertEvaluator(new AlertsOptions { ForSamples = 3 });

        var events = new[] { 95d, 20, 95, 20, 95 }.SelectMany(v => Cpu(evaluator, v)).ToList();

        Assert.Empty(events);
    }

    [Fact]
    public void Evaluate_WarningBecomesCritical_RaisedAgainWithTheSameIdAndNewSeverity()
    {
        var evaluator = new AlertEvaluator(new AlertsOptions { ForSamples = 1 });

        var warning = Assert.Single(Cpu(evaluator, 80));
        var critical = Assert.Single(Cpu(evaluator, 93));

        Assert.Equal(warning.Id, critical.Id);
        Assert.Equal((AlertEvent.Raised, AlertEvent.Critical, 90d), (critical.State, critical.Severity, critical.Threshold));
    }

    [Fact]
    public void Evaluate_ConfiguredRule_ReplacesTheDefault()
    {
        var evaluator = new AlertEvaluator(new AlertsOptions
        {
            ForSamples = 1,
            Rules = { ["cpu"] = new AlertRule { Warning = 20, Critical = 30 } },
        });

        var alert = Assert.Single(Cpu(evaluator, 25));

        Assert.Equal(20, alert.Threshold);
    }

    [Fact]
    public void Evaluate_ValueHoversAtTheLevel_RaisesOnceAndResolvesOnlyBelowTheClearMargin()
    {
        // db-1 memory in issue 19: 80.1 / 79.9 raised and resolved again and again.
        var evaluator = new AlertEvaluator(new AlertsOptions { ForSamples = 1, ClearMarginPercent = 5 });

        var hovering = new[] { 80.1, 79.9, 80.1, 79.9, 77, 80.1, 76.5 }.SelectMany(v => Memory(evaluator, v)).ToList();
        var cleared = Memory(evaluator, 75.9);

        var raised = Assert.Single(hovering);
        Assert.Equal(AlertEvent.Raised, raised.State);
        var resolved = Assert.Single(cleared);
        Assert.Equal((AlertEvent.Resolved, raised.Id), (resolved.State, resolved.Id));
        Assert.Contains("below 76%", resolved.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CriticalEasesJustBelowItsLevel_StaysCriticalUntilTheMargin()
    {
        var evaluator = new AlertEvaluator(new AlertsOptions { ForSamples = 1, ClearMarginPercent = 5 });

        var critical = Assert.Single(Cpu(evaluator, 91));
        var easing = Cpu(evaluator, 86);
        var warning = Assert.Single(Cpu(evaluator, 85));

        Assert.Equal(AlertEvent.Critical, critical.Severity);
        Assert.Empty(easing);
        Assert.Equal((AlertEvent.Warning, critical.Id), (warning.Severity, warning.Id));
    }

    [Fact]
    public void Evaluate_Raised_TextNamesTheMetricWithItsUnit()
    {
        var evaluator = new AlertEvaluator(new AlertsOptions { ForSamples = 1 });

        var alert = Assert.Single(evaluator.Evaluate("web-2", new Dictionary<string, double> { ["latencyP99Ms"] = 516.06 }, Now));

        Assert.Equal("web-2 Latency p99 is 516.06 ms, at or above the warning level 300 ms.", alert.Message);
        Assert.Equal(("Latency p99", "ms"), (alert.Name, alert.Unit));
    }

    [Fact]
    public void Validate_ClearMarginOutOfRange_NamesTheKey()
    {
        var failure = Assert.Single(new AlertsOptions { ClearMarginPercent = 80 }.Validate());

        Assert.StartsWith("Feeds:Alerts:ClearMarginPercent", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Feeds:Alerts:ForSamples")]
    [InlineData(3, "Feeds:Alerts:Rules:cpu")]
    public void Validate_BadValue_NamesTheKey(int forSamples, string key)
    {
        var options = new AlertsOptions { ForSamples = forSamples, Rules = { ["cpu"] = new AlertRule { Warning = forSamples == 0 ? 1 : 50, Critical = forSamples == 0 ? 2 : 40 } } };

        var failure = Assert.Single(options.Validate());

        Assert.StartsWith(key, failure, StringComparison.Ordinal);
    }

    private static List<AlertEvent> Memory(AlertEvaluator evaluator, double memory) =>
        evaluator.Evaluate("db-1", new Dictionary<string, double> { ["memory"] = memory }, Now).ToList();

    private static List<AlertEvent> Cpu(AlertEvaluator evaluator, double cpu) =>
        evaluator.Evaluate("web-1", new Dictionary<string, double> { ["cpu"] = cpu }, Now).ToList();
}
