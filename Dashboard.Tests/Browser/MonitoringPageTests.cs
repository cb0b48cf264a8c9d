using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class MonitoringPageTests(DashboardServer server, BrowserFixture browser)
{
    private const string Panel = "[data-testid=host-panel]";
    private const string FleetChart = "[data-testid=host-panel]:not([data-host=self]) [data-testid=live-chart]";

    [Fact]
    public async Task Monitoring_Open_SelfFirstAndEverythingUpdatesLive()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring");
        var panels = page.Page.Locator(Panel);
        await panels.Nth(1).WaitForAsync();

        // Worst first (issue 19), this server first among equals.
        await page.Page.WaitForFunctionAsync(
            """
            () => {
              const order = ["unknown", "ok", "warning", "critical"];
              const panels = [...document.querySelectorAll("[data-testid=host-panel]")];
              const ranks = panels.map(p => order.indexOf(p.dataset.level));
              const self = panels.findIndex(p => p.dataset.host === "self");
              return self >= 0 && ranks.every((rank, i) => i === 0 || ranks[i - 1] >= rank)
                && panels.slice(0, self).every(p => order.indexOf(p.dataset.level) > ranks[self]);
            }
            """);
        await page.Page.Locator($"{FleetChart}[data-last-x]").First.WaitForAsync();

        await page.WaitForTextChangeAsync($"{Panel}[data-host=self]");
        await page.WaitForAttributeChangeAsync(FleetChart, "data-last-x");

        var cpu = page.Page.Locator($"{Panel}[data-host=self] [data-testid=metric-value][data-metric=cpu]");
        Assert.Contains(await cpu.GetAttributeAsync("data-level"), new[] { "ok", "warning", "critical" });
        await page.ScreenshotAsync("monitoring-1440");
        Assert.Empty(page.Errors);
        Assert.False(await page.ReconnectBannerVisibleAsync());
    }

    [Fact]
    public async Task Monitoring_At1024Wide_FitsWithoutHorizontalScroll()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring",
            new BrowserNewContextOptions { ViewportSize = new() { Width = 1024, Height = 768 } });
        await page.Page.Locator($"{FleetChart}[data-last-x]").First.WaitForAsync();

        var overflow = await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        await page.ScreenshotAsync("monitoring-1024");
        Assert.False(overflow);
        Assert.Empty(page.Errors);
    }
}
