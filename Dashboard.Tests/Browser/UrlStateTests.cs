using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Issue 19, items 8 and 11: window, pause and symbol live in the address and survive a reload.</summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class UrlStateTests(DashboardServer server, BrowserFixture browser)
{
    private const string Chart = "[data-testid=live-chart]";

    [Fact]
    public async Task Ticker_OpenedFromLink_ShowsLinkedWindowPauseAndSymbol()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker?window=15m&paused=1&symbol=GLOBX");

        await Assertions.Expect(page.Page.Locator("[data-testid=window][data-seconds='900']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Page.GetByTestId("pause")).ToHaveTextAsync(new Regex("Resume"));
        await page.Page.Locator($"{Chart}[aria-label^='GLOBX ']").WaitForAsync();
        await Assertions.Expect(page.Page.Locator("[data-testid=quote-row][data-symbol=GLOBX] button.symbol")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Ticker_ChoicesMade_AddressKeepsThemThroughAReload()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator("[data-testid=quote-row]").Nth(2).WaitForAsync();
        await page.WaitForShortcutsAsync();
        var third = await page.Page.Locator("[data-testid=quote-row]").Nth(2).GetAttributeAsync("data-symbol");

        await page.Page.Locator("[data-testid=quote-row]").Nth(2).GetByRole(AriaRole.Button).ClickAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "1 h", Exact = true }).ClickAsync();
        await page.Page.GetByTestId("pause").ClickAsync();

        await page.Page.WaitForURLAsync(new Regex($"symbol={third}"));
        await page.Page.WaitForURLAsync(new Regex("window=1h"));
        await page.Page.WaitForURLAsync(new Regex("paused=1"));
        await page.ReloadAsync();
        await page.WaitForShortcutsAsync();

        await Assertions.Expect(page.Page.Locator("[data-testid=window][data-seconds='3600']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Page.GetByTestId("pause")).ToHaveTextAsync(new Regex("Resume"));
        await page.Page.Locator($"{Chart}[aria-label^='{third} ']").WaitForAsync();

        await page.Page.GetByTestId("pause").ClickAsync();
        await page.Page.WaitForURLAsync(url => !url.Contains("paused=", StringComparison.Ordinal));
        Assert.Contains("window=1h", page.Page.Url, StringComparison.Ordinal);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Monitoring_WindowInAddress_ChosenAndKeptThroughAReload()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring?window=1m");
        await Assertions.Expect(page.Page.Locator("[data-testid=window][data-seconds='60']")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.WaitForShortcutsAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "15 min", Exact = true }).ClickAsync();
        await page.Page.WaitForURLAsync(new Regex("window=15m"));
        await page.ReloadAsync();

        await Assertions.Expect(page.Page.Locator("[data-testid=window][data-seconds='900']")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(page.Errors);
    }
}
