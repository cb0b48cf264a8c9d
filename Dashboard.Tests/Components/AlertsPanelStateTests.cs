using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

/// <summary>The alerts panel's active set is the server's state, whatever the relay's window kept of the changes.</summary>
[Trait("Tier", "Component")]
public sealed class AlertsPanelStateTests : WidgetTestContext
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-40);

    [Fact]
    public void Render_ResolvedWithinTheThinnedPartOfTheWindow_NotShownAsActive()
    {
        // Arrange: what the server published 40 minutes ago, as issue 19 saw it. The relay keeps one
        // event per 2 s of anything older than DetailMinutes, so it keeps web-2's raise and
        // drops its resolve half a second later, and db-1's raise a second later still.
        var web2 = Raised("web-2", "latencyP99Ms", 516, 300);
        var db1 = Raised("db-1", "memory", 81, 80);
        PublishAlert(web2, Start);
        PublishState(Start.AddMilliseconds(10), 1, (web2, Start));
        PublishAlert(web2 with { State = AlertEvent.Resolved, Value = 120 }, Start.AddMilliseconds(500));
        PublishState(Start.AddMilliseconds(510), 2);
        PublishAlert(db1, Start.AddMilliseconds(1000));
        PublishState(Start.AddMilliseconds(1010), 3, (db1, Start.AddMilliseconds(1000)));
        PublishAlert(Raised("web-9", "cpu", 75, 70) with { State = AlertEvent.Resolved }, DateTimeOffset.UtcNow);
        Assert.DoesNotContain(Relay.Feed(DashboardFeeds.Alerts).Snapshot().Window(AlertEvent.Topic), m => m.Ts == Start.AddMilliseconds(500).ToUnixTimeMilliseconds());

        // Act
        var cut = Render<AlertsPanel>();

        // Assert: the server's set, db-1 alone.
        var shown = cut.FindAll("[data-testid=alert]").Select(a => a.GetAttribute("data-alert-id") ?? "").ToArray();
        Assert.Equal([db1.Id], shown);
        Assert.Equal("1 active, 0 critical", cut.Find("[data-testid=alerts-count]").TextContent.Trim());
    }

    [Fact]
    public void Render_AlertWithMetricsNow_ShowsNameUnitRaisedValueAndValueNow()
    {
        var alert = Raised("web-2", "latencyP99Ms", 516.06, 300);
        PublishAlert(alert, Start);
        PublishState(Start, 1, (alert, Start));
        Publish(DashboardFeeds.Metrics, "metrics/web-2", "metrics", new { latencyP99Ms = 339.4 });

        var cut = Render<AlertsPanel>();

        var item = cut.Find("[data-testid=alert]");
        Assert.Contains("web-2 Latency p99", item.TextContent, StringComparison.Ordinal);
        Assert.Equal("339 ms now", cut.Find("[data-testid=alert-now]").TextContent.Trim());
        Assert.Equal("516 ms when raised", cut.Find("[data-testid=alert-raised]").TextContent.Trim());
        Assert.DoesNotContain("latencyP99Ms", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NewState_AlertResolved_RemovedLive()
    {
        var alert = Raised("web-1", "cpu", 95, 90);
        PublishState(DateTimeOffset.UtcNow, 1, (alert, DateTimeOffset.UtcNow));
        var cut = Render<AlertsPanel>();
        Assert.Single(cut.FindAll("[data-testid=alert]"));

        PublishState(DateTimeOffset.UtcNow, 2);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=alert]")), Wait);
    }

    private static AlertEvent Raised(string host, string metric, double value, double threshold)
    {
        var rule = global::Feeds.Options.AlertsOptions.DefaultRules[metric];
        var severity = value >= rule.Critical ? AlertEvent.Critical : AlertEvent.Warning;
        return new AlertEvent($"{host}:{metric}:1", severity, host, metric, value, threshold, AlertEvent.Raised, $"{host} {rule.Name} is {value}.", rule.Name, rule.Unit);
    }

    private void PublishAlert(AlertEvent alert, DateTimeOffset at) =>
        Publish(DashboardFeeds.Alerts, AlertEvent.Topic, AlertEvent.EventType, alert, at);

    private void PublishState(DateTimeOffset at, long lastAlertId, params (AlertEvent Alert, DateTimeOffset Since)[] active) =>
        Publish(DashboardFeeds.ActiveAlerts, AlertState.Topic, AlertState.EventType,
            new AlertState(lastAlertId, active.Select(a => new ActiveAlert(a.Alert, a.Since.ToUnixTimeMilliseconds(), a.Alert.Value)).ToArray()), at);
}
