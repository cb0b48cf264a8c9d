using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The theme a viewer sees from the first paint on, and switching it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class ThemeTests(DashboardServer server, BrowserFixture browser)
{
    // Every theme the root was marked with (the mark picks the palette), from before the first paint on.
    private const string RecordThemes = """
        window.__themes = [];
        new MutationObserver(() => {
          const theme = document.documentElement && document.documentElement.getAttribute('data-theme');
          if (theme && window.__themes[window.__themes.length - 1] !== theme) window.__themes.push(theme);
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-theme'] });
        """;

    // What the first paint shows: the scripts at the end of the body ran, the stylesheets before them loaded.
    private const string RecordFirstPaint = """
        document.addEventListener('DOMContentLoaded', () => window.__firstPaint = {
          theme: document.documentElement.getAttribute('data-theme'),
          background: getComputedStyle(document.body).backgroundColor,
        });
        """;

    // The palettes' page backgrounds (DashboardTheme).
    private const string LightBackground = "rgb(245, 245, 245)";
    private const string DarkBackground = "rgb(18, 18, 18)";

    [Fact]
    public async Task Theme_DarkChosenBefore_NeverShowsLight()
    {
        var options = new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            StorageState = $$"""
                {"cookies":[{"name":"dashboard.theme","value":"material-dark","domain":"{{server.BaseAddress.Host}}","path":"/","expires":-1,"httpOnly":false,"secure":false,"sameSite":"Lax"}],
                 "origins":[{"origin":"{{server.BaseAddress.GetLeftPart(UriPartial.Authority)}}","localStorage":[{"name":"dashboard.theme","value":"material-dark"}]}]}
                """,
        };
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring", options, RecordThemes + RecordFirstPaint);
        await page.Page.Locator("[data-testid=live-chart][data-last-x]").First.WaitForAsync();

        // The stored names are the ones an earlier version wrote: the choice still holds.
        var themes = await page.Page.EvaluateAsync<string[]>("() => window.__themes");
        Assert.NotEmpty(themes);
        Assert.All(themes, theme => Assert.Equal("dark", theme));
        Assert.Equal(DarkBackground, await page.Page.EvaluateAsync<string>("() => window.__firstPaint.background"));
        Assert.Equal("dark", await page.Page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        Assert.Equal(DarkBackground, await BackgroundAsync(page));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Theme_SystemDarkFirstVisit_FirstPaintIsDark()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/", new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            ColorScheme = ColorScheme.Dark,
        }, RecordThemes + RecordFirstPaint);
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();

        Assert.Equal("dark", await page.Page.EvaluateAsync<string>("() => window.__firstPaint.theme"));
        Assert.Equal(DarkBackground, await page.Page.EvaluateAsync<string>("() => window.__firstPaint.background"));
        // The server could not know the system's preference: the page arrives light, and the boot
        // script, which runs before the first paint, sets dark. Nothing may set light after it.
        var themes = await page.Page.EvaluateAsync<string[]>("() => window.__themes");
        Assert.True(themes.Skip(1).All(theme => theme == "dark"), string.Join(" → ", themes));
        Assert.Equal(DarkBackground, await BackgroundAsync(page));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Theme_KeyT_SwitchesThemeBothWays()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();
        await page.Page.Locator("[data-testid=live-chart][data-last-x]").WaitForAsync();

        await page.WaitForShortcutsAsync();
        await page.Page.Keyboard.PressAsync("t");
        await page.Page.WaitForFunctionAsync("() => document.documentElement.dataset.theme === 'dark'");
        Assert.Equal("dark", await page.Page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        Assert.Equal(DarkBackground, await BackgroundAsync(page));

        await page.Page.Keyboard.PressAsync("t");
        await page.Page.WaitForFunctionAsync("() => document.documentElement.dataset.theme === 'light'");
        Assert.Equal(LightBackground, await BackgroundAsync(page));
        Assert.Empty(page.Errors);
    }

    [Theory]
    [InlineData("dark", "dark", DarkBackground)]
    [InlineData("material-dark", "dark", DarkBackground)]
    [InlineData("light", "light", LightBackground)]
    [InlineData(null, "light", LightBackground)]
    public async Task Theme_PrerenderedWithoutScripts_PaintsThePaletteTheCookieNames(string? cookie, string theme, string background)
    {
        // No script runs: what shows is the server's page alone, both palettes in it and the root's mark choosing.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        try
        {
            if (cookie is not null)
            {
                await context.AddCookiesAsync([new Cookie { Name = "dashboard.theme", Value = cookie, Url = server.BaseAddress.ToString() }]);
            }

            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(server.BaseAddress, "/monitoring").ToString());

            Assert.Equal(theme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
            Assert.Equal(background, await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    private static Task<string> BackgroundAsync(LivePage page) =>
        page.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
