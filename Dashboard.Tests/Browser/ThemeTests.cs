using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The theme a viewer sees from the first paint on, and switching it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeTests(DashboardServer server, BrowserFixture browser)
{
    // Every stylesheet the theme link pointed at, from before the first paint on.
    private const string RecordThemes = """
        window.__themes = [];
        new MutationObserver(() => {
          const link = document.getElementById('radzen-theme-link');
          const href = link && link.getAttribute('href');
          if (href && window.__themes[window.__themes.length - 1] !== href) window.__themes.push(href);
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['href'] });
        """;

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
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring", options, RecordThemes);
        await page.Page.Locator("[data-testid=live-chart][data-last-x]").First.WaitForAsync();

        var themes = await page.Page.EvaluateAsync<string[]>("() => window.__themes");
        Assert.NotEmpty(themes);
        Assert.All(themes, href => Assert.Contains("material-dark", href, StringComparison.Ordinal));
        Assert.Equal("dark", await page.Page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Theme_SystemDarkFirstVisit_FirstPaintIsDark()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/", new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            ColorScheme = ColorScheme.Dark,
        }, RecordThemes + "document.addEventListener('DOMContentLoaded', () => window.__firstPaint = document.getElementById('radzen-theme-link').getAttribute('href'));");
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();

        Assert.Contains("material-dark", await page.Page.EvaluateAsync<string>("() => window.__firstPaint"), StringComparison.Ordinal);
        // The server could not know the system's preference: the page arrives light, and the boot
        // script, which runs before the first paint, sets dark. Nothing may set light after it.
        var themes = await page.Page.EvaluateAsync<string[]>("() => window.__themes");
        Assert.True(themes.Skip(1).All(href => href.Contains("material-dark", StringComparison.Ordinal)), string.Join(" → ", themes));
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
        await page.Page.WaitForFunctionAsync("() => document.getElementById('radzen-theme-link').getAttribute('href').includes('material-dark')");
        Assert.Equal("dark", await page.Page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));

        await page.Page.Keyboard.PressAsync("t");
        await page.Page.WaitForFunctionAsync("() => !document.getElementById('radzen-theme-link').getAttribute('href').includes('dark')");
        Assert.Empty(page.Errors);
    }
}
