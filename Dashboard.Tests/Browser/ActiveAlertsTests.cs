using Feeds.Hub;
using Feeds.Producers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// A page opened at any time lists the alerts the server holds active: issue 19 saw a page list 7
/// while the server had 5, because the page rebuilt the set from the relay's window of changes.
/// </summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ActiveAlertsTests(BrowserFixture browser) : IAsyncLifetime
{
    // A window of 10 events per topic, the least allowed: an alert raised 10 changes ago is out of it.
    private readonly DashboardServer _server = new() { Arguments = { "--Dashboard:MaxEventsPerTopic=10", "--Feeds:Metrics:Enabled=false" } };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task OpenPage_AfterManyChanges_ListsExactlyTheServersActiveAlerts()
    {
        // Arrange: one alert raised long ago and still active, then more changes than the relay's
        // window holds, some resolved within the same second.
        var hub = _server.Services.GetRequiredService<FeedHub>();
        var run = Guid.NewGuid().ToString("N")[..6];
        var old = Alert($"old-{run}", AlertEvent.Critical, AlertEvent.Raised);
        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, old);
        for (var i = 0; i < 8; i++)
        {
            await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, Alert($"flap{i}-{run}", AlertEvent.Warning, AlertEvent.Raised));
            await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, Alert($"flap{i}-{run}", AlertEvent.Warning, AlertEvent.Resolved));
        }

        var recent = Alert($"new-{run}", AlertEvent.Warning, AlertEvent.Raised);
        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType, recent);
        var expected = new[] { old.Id, recent.Id }.Order(StringComparer.Ordinal).ToArray();

        // Act: pages opened now, on both pages that show alerts.
        foreach (var path in new[] { "/monitoring", "/" })
        {
            await using var page = await LivePage.OpenAsync(browser, _server.BaseAddress, path);
            var alerts = page.Page.Locator($"[data-testid=alert][data-alert-id$='-{run}:cpu:1']");

            // Assert: the two the server holds, no more, no fewer.
            await Assertions.Expect(alerts).ToHaveCountAsync(2);
            var shown = (await alerts.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.alertId)")).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, shown);
            await Assertions.Expect(page.Page.Locator($"[data-testid=alert][data-alert-id='{old.Id}']")).ToHaveAttributeAsync("data-severity", AlertEvent.Critical);
            Assert.Empty(page.Errors);
        }
    }

    private static AlertEvent Alert(string host, string severity, string state) =>
        new($"{host}:cpu:1", severity, host, "cpu", state == AlertEvent.Resolved ? 10 : 95, 90, state, $"{host} CPU is {(state == AlertEvent.Resolved ? 10 : 95)}%.", "CPU", "%");
}
