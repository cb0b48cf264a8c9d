namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class OverviewPageTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Overview_Open_TilesAndClockUpdateLive()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=health-tile]').length >= 6");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=health-tile]:not([data-level=unknown])') !== null");

        var (tileBefore, tileAfter) = await page.WaitForTextChangeAsync("[data-testid=health-tile]");
        var (clockBefore, clockAfter) = await page.WaitForTextChangeAsync("[data-testid=clock-time]");

        Assert.NotEqual(tileBefore, tileAfter);
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", clockAfter.Trim());
        Assert.NotEqual(clockBefore, clockAfter);
        Assert.Contains("self", await page.Page.Locator("[data-testid=health-tile]").Last.GetAttributeAsync("data-host") ?? "", StringComparison.Ordinal);
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Overview_Open_EveryChartAdvancesAndMoversListed()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/");
        var charts = page.Page.Locator("[data-testid=live-chart]");
        await page.Page.WaitForFunctionAsync(
            "() => { const c = [...document.querySelectorAll('[data-testid=live-chart]')]; return c.length >= 3 && c.every(e => e.getAttribute('data-last-x')); }");
        var before = await charts.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-last-x'))");

        await page.Page.WaitForFunctionAsync(
            "before => [...document.querySelectorAll('[data-testid=live-chart]')].every((e, i) => e.getAttribute('data-last-x') !== before[i])",
            before);
        await page.Page.Locator("[data-testid=top-mover]").First.WaitForAsync();

        await page.ScreenshotAsync("overview");
        Assert.True(await page.Page.Locator("[data-testid=top-mover]").CountAsync() >= 2);
        Assert.Equal("Overview", (await page.Page.Locator("h1").InnerTextAsync()).Trim());
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }
}
