using Feeds.Hub;
using Feeds.Producers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The alerts panel fed by the <c>alerts</c> topic, as on-call staff use it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class AlertsPanelTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Alert_RaisedAcknowledgedResolved_ShownAnnouncedAndKeptInHistory()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring");
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();
        await page.Page.Locator("[data-testid=alerts-panel]").WaitForAsync();

        // The panel listens once the circuit is up; before that an alert is history, not news.
        await page.WaitForShortcutsAsync();
        var hub = server.Services.GetRequiredService<FeedHub>();
        var host = "test-" + Guid.NewGuid().ToString("N")[..8];
        var id = host + ":errorRate:1";

        // What the alerts producer (or anyone posting on alerts) publishes.
        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType,
            new AlertEvent(id, AlertEvent.Critical, host, "errorRate", 7.5, 5, AlertEvent.Raised, $"{host} errorRate is 7.5, at or above the critical level 5."));

        var alert = page.Page.Locator($"[data-testid=alert][data-alert-id='{id}']");
        await Assertions.Expect(alert).ToContainTextAsync("Critical");
        await Assertions.Expect(page.Page.GetByTestId("alerts-assertive")).ToContainTextAsync($"Critical alert: {host} errorRate");
        Assert.Equal("assertive", await page.Page.GetByTestId("alerts-assertive").GetAttributeAsync("aria-live"));

        await alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Assertions.Expect(alert.GetByTestId("alert-acknowledged")).ToContainTextAsync("Acknowledged");

        // Everyone watching this dashboard sees who is on it.
        await using (var other = await LivePage.OpenAsync(browser, server.BaseAddress, "/"))
        {
            await Assertions.Expect(other.Page.Locator($"[data-testid=alert][data-alert-id='{id}'] [data-testid=alert-acknowledged]")).ToBeVisibleAsync();
            Assert.Empty(other.Errors);
        }

        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType,
            new AlertEvent(id, AlertEvent.Critical, host, "errorRate", 0.4, 5, AlertEvent.Resolved, $"{host} errorRate is back to 0.4, below 1."));

        await Assertions.Expect(alert).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.GetByTestId("alerts-polite")).ToContainTextAsync($"Resolved: {host} errorRate");
        var history = page.Page.GetByTestId("alerts-history");
        await history.Locator("summary").ClickAsync();
        await Assertions.Expect(history.Locator($"[data-testid=alert-resolved][data-alert-id='{id}']")).ToContainTextAsync("acknowledged");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Alert_PostsOfAnotherShape_IgnoredWhileRealAlertsStillShow()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring");
        await page.Page.Locator("[data-testid=alerts-panel]").WaitForAsync();
        await page.WaitForShortcutsAsync();
        var hub = server.Services.GetRequiredService<FeedHub>();
        var host = "odd-" + Guid.NewGuid().ToString("N")[..8];
        var id = host + ":cpu:1";

        // What a script or the notifications demo may post: the topic is open to more than the producer.
        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, new { severity = "info", title = "Test alert", message = "from a demo" });
        await hub.PublishAsync(AlertEvent.Topic, "message", new { text = "deploy finished" });
        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, new { id = 42, severity = true });
        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType,
            new AlertEvent(id, AlertEvent.Warning, host, "cpu", 75, 70, AlertEvent.Raised, $"{host} cpu is 75."));

        await Assertions.Expect(page.Page.Locator($"[data-testid=alert][data-alert-id='{id}']")).ToContainTextAsync("Warning");
        await using var fresh = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring");
        await Assertions.Expect(fresh.Page.Locator("[data-testid=host-panel]").Nth(1)).ToBeVisibleAsync();
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
        Assert.Empty(fresh.Errors);
    }
}
