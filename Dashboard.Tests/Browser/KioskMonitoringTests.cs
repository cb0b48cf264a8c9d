using Feeds.Hub;
using Feeds.Producers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// <c>/monitoring</c> on a 4K wall in kiosk mode: issue 19 saw a 4,322 px page on a 2,160 px
/// screen that nothing scrolled, so web-1, critical at the time, was never shown.
/// </summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class KioskMonitoringTests(DashboardServer server, BrowserFixture browser)
{
    // Reduced motion: each screenful is scrolled to at once, not animated.
    private static readonly BrowserNewContextOptions Wall = new() { ViewportSize = new() { Width = 3840, Height = 2160 }, ReducedMotion = ReducedMotion.Reduce };

    private static readonly string[] Levels = ["unknown", "ok", "warning", "critical"];

    [Fact]
    public async Task Kiosk4K_Monitoring_ShowsEveryHostWorstFirstWithoutDeskControls()
    {
        // Arrange: a host in trouble, named to sort last among equals.
        var host = "zz-" + Guid.NewGuid().ToString("N")[..6];
        var hub = server.Services.GetRequiredService<FeedHub>();
        await hub.PublishAsync("metrics/" + host, "metrics", new { host, cpu = 97.0, memory = 50.0, latencyP99Ms = 100.0, errorRate = 0.1 });
        var alertId = host + ":cpu:1";
        await hub.PublishAsync(AlertEvent.Topic, AlertEvent.EventType,
            new AlertEvent(alertId, AlertEvent.Critical, host, "cpu", 97, 90, AlertEvent.Raised, $"{host} CPU is 97%.", "CPU", "%"));

        // Act
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring?kiosk=1", Wall);
        var panels = page.Page.Locator("[data-testid=host-panel]");
        await Assertions.Expect(page.Page.Locator($"[data-testid=host-panel][data-host='{host}']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Page.Locator($"[data-testid=alert][data-alert-id='{alertId}']")).ToBeVisibleAsync();
        await page.Page.Locator("[data-testid=live-chart][data-last-x]").First.WaitForAsync();

        // Assert: the page says how many screenfuls it takes, and says it in the corner when more than one.
        var screens = await page.Page.EvaluateAsync<int>("() => Number(document.querySelector('#main-content').dataset.kioskPages || 0)");
        Assert.True(screens >= 1, "kiosk.js marks how many screens the page takes");
        if (screens > 1)
        {
            await Assertions.Expect(page.Page.GetByTestId("kiosk-screen")).ToHaveTextAsync($"Screen 1 of {screens}");
        }

        // Worst first: the levels never rise down the page (a host that just changed level moves
        // at the next render), and the critical test host is above every calmer one.
        await page.Page.WaitForFunctionAsync(
            """
            levels => {
              const ranks = [...document.querySelectorAll('[data-testid=host-panel]')].map(p => levels.indexOf(p.dataset.level));
              return ranks.every((rank, i) => i === 0 || ranks[i - 1] >= rank);
            }
            """, Levels);
        Assert.Equal("critical", await page.Page.Locator($"[data-testid=host-panel][data-host='{host}']").GetAttributeAsync("data-level"));

        // Nothing a wall cannot use, and lines for across the room.
        Assert.False(await page.Page.GetByTestId("pause").IsVisibleAsync());
        Assert.Equal(0, await page.Page.Locator("[data-testid=window]:visible").CountAsync());
        Assert.Equal(0, await page.Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).CountAsync());
        var width = await page.Page.Locator("[data-testid=live-chart]").First.GetAttributeAsync("data-line-width");
        Assert.True(double.Parse(width!, System.Globalization.CultureInfo.InvariantCulture) >= 3, $"line width {width}");
        Assert.Empty(page.Errors);
    }
}
