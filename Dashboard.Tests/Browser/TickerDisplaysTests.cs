using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The trading-floor displays of /ticker: tape, flashing board, candles, watchlist, legends.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class TickerDisplaysTests(DashboardServer server, BrowserFixture browser)
{
    // Every flash of a last-price cell, with when it started.
    private const string RecordFlashes = """
        window.__flashes = [];
        document.addEventListener('animationstart', e => {
          const row = e.target.closest && e.target.closest('[data-testid=quote-row]');
          if (row && e.target.matches('[data-testid=quote-last]')) window.__flashes.push([row.dataset.symbol, performance.now()]);
        }, true);
        """;

    [Fact]
    public async Task Tape_Scrolls_AndHoldsWhenAsked()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        var track = page.Page.GetByTestId("tape-track");
        await track.Locator(".tape-item").First.WaitForAsync();
        await page.WaitForShortcutsAsync();
        await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=tape-track]').getAnimations().some(a => a.playState === 'running')");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Hold tape" }).ClickAsync();

        await page.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=tape-track]').getAnimations().every(a => a.playState === 'paused')");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Hold tape" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Board_PricesChange_NoCellFlashesMoreThanThreeTimesASecond()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker", initScript: RecordFlashes);
        await page.Page.Locator("[data-testid=quote-row]").First.WaitForAsync();

        // Enough flashes to judge: the ticker changes every symbol four times a second.
        await page.Page.WaitForFunctionAsync("() => window.__flashes.length >= 60", null, new() { Timeout = 30_000 });

        var worst = await page.Page.EvaluateAsync<int>("""
            () => {
              const bySymbol = {};
              for (const [symbol, at] of window.__flashes) (bySymbol[symbol] ??= []).push(at);
              let worst = 0;
              for (const times of Object.values(bySymbol))
                for (let i = 0; i < times.length; i++)
                  worst = Math.max(worst, times.filter(t => t >= times[i] && t < times[i] + 1000).length);
              return worst;
            }
            """);
        Assert.InRange(worst, 1, 3);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task ReducedMotion_NothingScrollsOrFlashes_ArrowsStillSayWhichWay()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker", new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            ReducedMotion = ReducedMotion.Reduce,
        }, RecordFlashes);
        await page.Page.Locator("[data-testid=quote-row]").First.WaitForAsync();
        await page.WaitForTextChangeAsync("[data-testid=quote-last]");
        await page.WaitForTextChangeAsync("[data-testid=quote-last]");

        Assert.Equal(0, await page.Page.EvaluateAsync<int>("() => window.__flashes.length"));
        Assert.Equal(0, await page.Page.EvaluateAsync<int>("() => document.querySelector('[data-testid=tape-track]').getAnimations().length"));
        await Assertions.Expect(page.Page.Locator("[data-testid=quote-last] .arrow").First).ToHaveTextAsync(new Regex("^[▲▼]$"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Candles_ChosenSymbol_DrawnLiveAndFollowTheWindow()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        var candles = page.Page.GetByTestId("candle-chart");
        await page.Page.Locator("[data-testid=candle-chart][data-last-x]").WaitForAsync();
        Assert.Equal("10", await candles.GetAttributeAsync("data-candle-seconds"));
        await page.WaitForAttributeChangeAsync("[data-testid=candle-chart]", "data-last-x");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "1 h", Exact = true }).ClickAsync();

        await Assertions.Expect(candles).ToHaveAttributeAsync("data-candle-seconds", "60");
        await Assertions.Expect(candles).ToHaveAttributeAsync("data-window-seconds", "3600");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Watchlist_Edited_BoardAndTapeFollowAndSurviveAReload()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        var rows = page.Page.Locator("[data-testid=quote-row]");
        await rows.Nth(2).WaitForAsync();
        await page.WaitForShortcutsAsync();
        var all = await rows.CountAsync();

        await page.Page.GetByTestId("watchlist").Locator("summary").ClickAsync();
        await page.Page.GetByLabel("ACME", new() { Exact = true }).UncheckAsync();
        await page.Page.GetByLabel("GLOBX", new() { Exact = true }).UncheckAsync();

        await Assertions.Expect(rows).ToHaveCountAsync(all - 2);
        await Assertions.Expect(page.Page.Locator("[data-testid=quote-row][data-symbol=ACME]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.Locator(".tape-item[data-symbol=ACME]")).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await page.WaitForShortcutsAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(all - 2);
        await Assertions.Expect(page.Page.Locator("[data-testid=quote-row][data-symbol=GLOBX]")).ToHaveCountAsync(0);

        await page.Page.GetByTestId("watchlist").Locator("summary").ClickAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Show every symbol" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(all);
        await page.ReloadAsync();
        await page.WaitForShortcutsAsync();
        await Assertions.Expect(page.Page.GetByTestId("watchlist").Locator("summary")).ToHaveTextAsync("Watchlist: every symbol");
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Legend_EntryClickedOrKeyed_HidesAndShowsItsSeries()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator("[data-testid=live-chart][data-last-x]").WaitForAsync();
        var bid = page.Page.Locator("[data-testid=live-chart] .u-legend .u-series").Filter(new() { HasText = "Bid" });
        await Assertions.Expect(bid).ToHaveAttributeAsync("aria-pressed", "true");

        await bid.ClickAsync();
        await Assertions.Expect(bid).ToHaveAttributeAsync("aria-pressed", "false");

        await bid.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(bid).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(page.Errors);
    }
}
