using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class TickerPageTests(DashboardServer server, BrowserFixture browser)
{
    private const string Chart = "[data-testid=live-chart]";

    [Fact]
    public async Task Ticker_Open_QuotesSparklinesAndChartUpdateLive()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator($"{Chart}[data-last-x]").WaitForAsync();
        await page.Page.Locator("[data-testid=sparkline][data-last-x]").First.WaitForAsync();

        await page.WaitForTextChangeAsync("[data-testid=quote-last]");
        await page.WaitForAttributeChangeAsync("[data-testid=sparkline]", "data-last-x");
        await page.WaitForAttributeChangeAsync(Chart, "data-last-x");

        Assert.True(int.Parse(await page.Page.Locator(Chart).GetAttributeAsync("data-points") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 1);
        await page.ScreenshotAsync("ticker-1440");
        Assert.Empty(page.Errors);
        Assert.False(await page.ReconnectBannerVisibleAsync());
    }

    [Fact]
    public async Task Ticker_ChooseAnotherSymbol_SwitchesChart()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        var rows = page.Page.Locator("[data-testid=quote-row]");
        await rows.Nth(1).WaitForAsync();
        await page.Page.Locator($"{Chart}[data-last-x]").WaitForAsync();
        var first = await rows.Nth(0).GetAttributeAsync("data-symbol");
        var second = await rows.Nth(1).GetAttributeAsync("data-symbol");
        Assert.StartsWith(first + " ", await page.Page.Locator(Chart).GetAttributeAsync("aria-label"), StringComparison.Ordinal);

        // The symbol is a button, so the keyboard reaches it as well as the mouse.
        await rows.Nth(1).GetByRole(AriaRole.Button).ClickAsync();

        await page.Page.Locator($"{Chart}[aria-label^='{second} ']").WaitForAsync();
        await Assertions.Expect(rows.Nth(1).GetByRole(AriaRole.Button)).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForAttributeChangeAsync(Chart, "data-last-x");
        Assert.Empty(page.Errors);
        Assert.False(await page.ReconnectBannerVisibleAsync());
    }

    [Fact]
    public async Task Ticker_At1024Wide_FitsWithoutHorizontalScroll()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker",
            new BrowserNewContextOptions { ViewportSize = new() { Width = 1024, Height = 768 } });
        await page.Page.Locator($"{Chart}[data-last-x]").WaitForAsync();

        var overflow = await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        await page.ScreenshotAsync("ticker-1024");
        Assert.False(overflow);
        Assert.Empty(page.Errors);
    }
}
