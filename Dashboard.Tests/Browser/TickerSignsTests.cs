using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Issue 19, item 9 and 11: every arrow, sign and colour on /ticker means one stated thing, and the tape agrees with the board.</summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class TickerSignsTests(DashboardServer server, BrowserFixture browser)
{
    // Checks every row 30 times, 50 ms apart (what a paint at that moment would show): what was checked, and each disagreement found.
    private const string CheckFrames = """
        () => new Promise(done => {
          const probe = name => { const e = document.createElement('span'); e.style.color = `var(--dash-${name})`; document.body.append(e); const c = getComputedStyle(e).color; e.remove(); return c; };
          const colours = { up: probe('up'), down: probe('down'), flat: probe('text-secondary') };
          const trendOf = text => text.startsWith('+') ? 'up' : text.startsWith('-') ? 'down' : 'flat';
          const problems = [];
          let rows = 0, tapes = 0, lines = 0;
          let checks = 0;
          const check = () => {
            const tape = {};
            for (const item of document.querySelectorAll('.tape-copy.copy-0 .tape-item')) tape[item.dataset.symbol] = item.querySelector('.tape-change');
            for (const row of document.querySelectorAll('[data-testid=quote-row]')) {
              rows++;
              const symbol = row.dataset.symbol;
              const last = row.querySelector('[data-testid=quote-last]');
              const arrow = last.querySelector('.arrow').textContent;
              const tick = last.dataset.tick;
              if ((tick === 'up') !== (arrow === '▲') || (tick === 'down') !== (arrow === '▼') || !last.classList.contains('tick-' + tick))
                problems.push(`${symbol} last: arrow '${arrow}' with tick ${tick}`);
              for (const id of ['quote-change', 'quote-change-percent']) {
                const cell = row.querySelector(`[data-testid=${id}]`);
                const text = cell.textContent.trim();
                if (/[▲▼]/.test(text)) problems.push(`${symbol} ${id}: arrow in '${text}'`);
                if (!cell.classList.contains(trendOf(text))) problems.push(`${symbol} ${id}: '${text}' coloured ${cell.className}`);
                if (getComputedStyle(cell).color !== colours[trendOf(text)]) problems.push(`${symbol} ${id}: '${text}' drawn ${getComputedStyle(cell).color}`);
              }
              const percent = row.querySelector('[data-testid=quote-change-percent]').textContent.trim();
              if (tape[symbol]) {
                tapes++;
                const shown = tape[symbol].textContent.trim();
                if (shown !== percent) problems.push(`${symbol}: tape '${shown}', board '${percent}'`);
              }
              const line = row.querySelector('[data-testid=sparkline]');
              if (line.dataset.trend) {
                lines++;
                if (getComputedStyle(line).color !== colours[line.dataset.trend]) problems.push(`${symbol} line ${line.dataset.trend} drawn ${getComputedStyle(line).color}`);
              }
            }
            if (++checks < 30) setTimeout(check, 50);
            else done({ rows, tapes, lines, problems: problems.slice(0, 20), count: problems.length });
          };
          check();
        })
        """;

    [Fact]
    public async Task Board_Checked30Times_ArrowsSignsColoursAndTapeAgree()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator("[data-testid=sparkline][data-trend]").Nth(2).WaitForAsync();
        await page.Page.Locator(".tape-item").Nth(2).WaitForAsync();
        await page.WaitForTextChangeAsync("[data-testid=quote-last]");

        var result = await page.Page.EvaluateAsync<JsonElement>(CheckFrames);

        int Count(string name) => result.GetProperty(name).GetInt32();
        Assert.True(Count("rows") > 100 && Count("tapes") > 100 && Count("lines") > 100, $"checked {result}");
        Assert.True(Count("count") == 0, $"disagreements: {result}");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Board_Rendered_LegendStatesWhatArrowsAndColoursMean()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator("[data-testid=quote-row]").First.WaitForAsync();

        await Assertions.Expect(page.Page.GetByTestId("board-legend")).ToContainTextAsync("▲▼ against the trade before it");
        await Assertions.Expect(page.Page.GetByTestId("board-legend")).ToContainTextAsync("since the session's open");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Watchlist_Emptied_BoardAndChartSayTheWatchlistIsEmpty()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator("[data-testid=quote-row]").Nth(2).WaitForAsync();
        await page.WaitForShortcutsAsync();
        await page.Page.GetByTestId("watchlist").Locator("summary").ClickAsync();

        foreach (var box in await page.Page.GetByTestId("watchlist").Locator("input[type=checkbox]").AllAsync())
        {
            await box.UncheckAsync();
        }

        await Assertions.Expect(page.Page.GetByTestId("board-empty")).ToHaveTextAsync("Your watchlist is empty: tick symbols under Watchlist to list them here.");
        await Assertions.Expect(page.Page.GetByTestId("chart-waiting")).ToHaveTextAsync("No symbol to chart: the watchlist is empty.");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Show every symbol" }).ClickAsync();
        await page.Page.Locator("[data-testid=quote-row]").First.WaitForAsync();
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Candles_Drawn_VolumeHasItsOwnLabelledAxis()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator("[data-testid=candle-chart][data-last-x]").WaitForAsync();

        await Assertions.Expect(page.Page.Locator("[data-testid=candle-chart] .u-axis")).ToHaveCountAsync(3);
        // uPlot draws axis text on its canvas; the module publishes the volume axis's top tick.
        await page.Page.Locator("[data-testid=candle-chart][data-volume-top]").WaitForAsync();
        Assert.True(double.Parse(await page.Page.GetByTestId("candle-chart").GetAttributeAsync("data-volume-top") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        await page.ScreenshotAsync("ticker-board-light");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Board_Dark_ScreenshotOfRowsWithArrows()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker", new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            ColorScheme = ColorScheme.Dark,
        });
        await page.Page.Locator("[data-testid=sparkline][data-trend]").Nth(2).WaitForAsync();
        await page.Page.Locator("[data-testid=candle-chart][data-last-x]").WaitForAsync();

        await page.ScreenshotAsync("ticker-board-dark");
        await Assertions.Expect(page.Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.Empty(page.Errors);
    }
}
