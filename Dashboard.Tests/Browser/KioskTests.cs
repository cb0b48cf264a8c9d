using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Kiosk mode as a wall screen uses it: no chrome, large type, pages in turn.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class KioskTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Kiosk_Open_NoChromeLargeTypeAndLive()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/?kiosk=1");
        await page.Page.Locator("[data-testid=kiosk]").WaitForAsync();
        await page.Page.Locator("[data-testid=live-chart][data-last-x]").First.WaitForAsync();

        Assert.Equal(0, await page.Page.GetByRole(AriaRole.Banner).CountAsync());
        Assert.Equal(0, await page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).CountAsync());
        Assert.Equal("20px", await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize"));
        await Assertions.Expect(page.Page.Locator("[data-testid=connection-badge][data-state=live]")).ToBeVisibleAsync();
        await page.WaitForAttributeChangeAsync("[data-testid=live-chart]", "data-last-x");
        Assert.Empty(page.Errors);
        Assert.False(await page.ReconnectBannerVisibleAsync());
    }

    [Fact]
    public async Task Kiosk_Board_NoChromeLargeTypeAndLive()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/boards/ops?kiosk=1");
        await page.Page.Locator("[data-testid=kiosk]").WaitForAsync();
        await page.Page.Locator("[data-testid=board-panel] [data-testid=live-chart][data-last-x]").First.WaitForAsync();

        Assert.Equal(0, await page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).CountAsync());
        Assert.Equal("20px", await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize"));
        await page.WaitForAttributeChangeAsync("[data-testid=board-panel] [data-testid=live-chart]", "data-last-x");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Kiosk_KeyKThenEscape_EntersAndLeaves()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring");
        await page.WaitForShortcutsAsync();

        await page.Page.Keyboard.PressAsync("k");
        await WaitForAddressAsync(page, "/monitoring?kiosk=1");
        await page.Page.Locator("[data-testid=kiosk]").WaitForAsync();
        Assert.Equal("20px", await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize"));

        await page.Page.Keyboard.PressAsync("Escape");
        await WaitForAddressAsync(page, "/monitoring");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Banner)).ToBeVisibleAsync();
        Assert.Equal("16px", await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Kiosk_RotateSeconds_ShowsThePagesInTurnAndHoldsWhilePaused()
    {
        var rotating = new DashboardServer();
        rotating.Arguments.Add("--Dashboard:Kiosk:RotateSeconds=2");
        rotating.Arguments.Add("--Dashboard:Kiosk:Pages:0=/clock");
        rotating.Arguments.Add("--Dashboard:Kiosk:Pages:1=/ticker");
        await rotating.InitializeAsync();
        try
        {
            await using var page = await LivePage.OpenAsync(browser, rotating.BaseAddress, "/clock?kiosk=1");

            await WaitForAddressAsync(page, "/ticker?kiosk=1");
            await page.Page.Locator("[data-testid=kiosk] [data-testid=quote-row]").First.WaitForAsync();
            await WaitForAddressAsync(page, "/clock?kiosk=1");

            // Paused, the wall stays on its page: the ticker's turn does not come. A wall has no
            // Pause button (issue 19), so the key it is.
            await page.WaitForShortcutsAsync();
            await page.Page.Keyboard.PressAsync("p");
            await Assertions.Expect(page.Page.GetByTestId("pause-status")).ToContainTextAsync("Paused");
            var relay = rotating.Services.GetService(typeof(Dashboard.Relay.FeedRelay)) as Dashboard.Relay.FeedRelay;
            var clock = relay!.Feed(Dashboard.Relay.DashboardFeeds.Clock);
            var before = clock.Received;
            await Integration.Poll.UntilAsync(() => Task.FromResult(clock.Received >= before + 5), TimeSpan.FromSeconds(15), "five clock ticks");
            // Still the clock's turn; the address also carries the pause now (?paused=1, issue 19 item 8).
            Assert.Contains("/clock?kiosk=1", page.Page.Url, StringComparison.Ordinal);
            Assert.Empty(page.Errors);
        }
        finally
        {
            await rotating.DisposeAsync();
        }
    }

    // Blazor navigates within the document; a URL wait that expects a page load can miss it.
    private static Task WaitForAddressAsync(LivePage page, string pathAndQuery) =>
        page.Page.WaitForFunctionAsync("expected => location.pathname + location.search === expected", pathAndQuery);
}
