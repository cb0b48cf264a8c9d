using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Demos;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class LifecycleDemoTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Lifecycle_MaxEvents3_BrowserClosesOnEndAndServerLogsMaxEvents()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/lifecycle");
        var root = page.Page.Locator(".lifecycle");

        // The stream the page opens by itself first; then one of our own with N = 3.
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.lifecycle').dataset.received >= 1");
        await page.Page.FillAsync("[data-testid=max-events]", "3");
        await page.Page.Locator("[data-testid=max-events]").DispatchEventAsync("change");
        await page.Page.ClickAsync("[data-testid=open]");

        await page.Page.WaitForFunctionAsync("() => { const r = document.querySelector('.lifecycle').dataset; return r.outcome === 'ended' && r.received === '3'; }");
        Assert.Equal("2", await root.GetAttributeAsync("data-ready-state"));
        Assert.Contains("maxEvents=3", await page.Page.Locator("[data-testid=url]").InnerTextAsync());
        await Assertions.Expect(page.Page.Locator("[data-testid=server-line][data-event=ended]").First).ToContainTextAsync("maxEvents 3 reached", new() { Timeout = 15_000 });

        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(DemoErrors.Unexpected(page));
    }

    [Fact]
    public async Task Lifecycle_CloseFromBrowser_ServerLogShowsTheClientWentAway()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/lifecycle");

        // The stream the page opens by itself says the circuit is up: a click before that is lost.
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.lifecycle').dataset.received >= 1");
        await page.Page.FillAsync("[data-testid=max-events]", "60");
        await page.Page.Locator("[data-testid=max-events]").DispatchEventAsync("change");
        await page.Page.ClickAsync("[data-testid=open]");
        await page.Page.WaitForFunctionAsync("() => { const r = document.querySelector('.lifecycle').dataset; return r.outcome === 'running' && r.received >= 1; }");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=server-line][data-event=opened]').length >= 2");

        // The stream just opened is the newest "opened" line; its end must say the client left.
        var stream = await page.Page.Locator("[data-testid=server-line][data-event=opened]").First.GetAttributeAsync("data-stream");
        await page.Page.ClickAsync("[data-testid=close]");

        await page.Page.WaitForFunctionAsync("() => document.querySelector('.lifecycle').dataset.outcome === 'closed'");
        var ended = page.Page.Locator($"[data-testid=server-line][data-event=ended][data-stream='{stream}']");
        await Assertions.Expect(ended).ToContainTextAsync("the client went away", new() { Timeout = 15_000 });
        await page.ScreenshotAsync("demo-lifecycle");
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(DemoErrors.Unexpected(page));
    }
}
