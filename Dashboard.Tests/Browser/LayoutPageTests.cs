using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class LayoutPageTests(DashboardServer server, BrowserFixture browser)
{
    private const string ShownTheme = "() => document.documentElement.getAttribute('data-theme') ?? ''";

    [Fact]
    public async Task Header_FeedsUp_BadgeSaysLive()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/");

        var badge = page.Page.Locator("[data-testid=connection-badge][data-state=live]");
        await badge.WaitForAsync();

        Assert.Equal("Live", (await badge.InnerTextAsync()).Trim());
        Assert.Equal("status", await badge.GetAttributeAsync("role"));
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task ThemeSwitch_Clicked_TogglesThemeAndRemembersIt()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/");
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();
        await page.WaitForShortcutsAsync();
        Assert.DoesNotContain("dark", await page.Page.EvaluateAsync<string>(ShownTheme), StringComparison.Ordinal);

        await page.Page.Locator("[data-testid=theme-toggle] button").ClickAsync();
        await page.Page.WaitForFunctionAsync($"() => ({ShownTheme})().includes('dark')");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.ScreenshotAsync("layout-dark");

        // The choice outlives the page: a reload comes back dark.
        await page.ReloadAsync();
        await page.Page.WaitForFunctionAsync($"() => ({ShownTheme})().includes('dark')");

        // The switch is the circuit's: a click before the page's circuit is up goes nowhere (prerendered markup).
        await page.WaitForShortcutsAsync();

        await page.Page.Locator("[data-testid=theme-toggle] button").ClickAsync();
        await page.Page.WaitForFunctionAsync($"() => !({ShownTheme})().includes('dark')");
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Theme_SystemPrefersDark_StartsDark()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/", new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            ColorScheme = ColorScheme.Dark,
        });

        await page.Page.WaitForFunctionAsync($"() => ({ShownTheme})().includes('dark')");
        Assert.Empty(page.Errors);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/clock")]
    public async Task Page_1024Wide_HasNoHorizontalScroll(string path)
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, path, new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1024, Height = 768 },
        });
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();

        var overflow = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        await page.ScreenshotAsync("layout-1024" + path.Replace('/', '-'));
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 1024px window.");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Page_PhoneWidth_HeaderFitsAndMenuOpensOnDemand()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/", new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();

        // The prerendered badge can already say Live; measured before the circuit is up, the
        // header is the prerendered one that the circuit's render replaces, and a box measured
        // as it goes is null.
        await page.WaitForShortcutsAsync();
        var pages = page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });

        // Every switch in the bar is on the screen; the menu waits behind its button, off the page.
        var theme = page.Page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" });
        await Assertions.Expect(theme).ToBeVisibleAsync();
        var toggle = await theme.BoundingBoxAsync();
        var overflow = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync("layout-phone");
        Assert.NotNull(toggle);
        Assert.True(toggle.X + toggle.Width <= 390, $"The theme switch ends at {toggle.X + toggle.Width}px, past a 390px screen.");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than a 390px screen.");
        await Assertions.Expect(pages).Not.ToBeInViewportAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Assertions.Expect(pages).ToBeInViewportAsync();
        await pages.GetByRole(AriaRole.Link, new() { Name = "Clock" }).ClickAsync();
        await page.Page.WaitForFunctionAsync("() => location.pathname === '/clock'");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Menu_OnEachPage_MarksOnlyThatPageCurrent()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/clock");
        var pages = page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });

        // The Overview is "/", a prefix of every address: it must not look current everywhere.
        await Assertions.Expect(pages.Locator("[aria-current=page]")).ToHaveCountAsync(1);
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Clock" })).ToHaveAttributeAsync("aria-current", "page");

        await pages.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await page.Page.WaitForFunctionAsync("() => location.pathname === '/'");
        await Assertions.Expect(pages.Locator("[aria-current=page]")).ToHaveCountAsync(1);
        await Assertions.Expect(pages.GetByRole(AriaRole.Link, new() { Name = "Overview" })).ToHaveAttributeAsync("aria-current", "page");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task SkipLink_FocusedThenEnter_FocusesThePageWhereItIs()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/clock");
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();
        await page.WaitForShortcutsAsync();

        // After a navigation the page's heading has the focus (FocusOnNavigate); the skip link is
        // the first stop for a keyboard user who goes back to the top of the document.
        var skip = page.Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Assertions.Expect(skip).Not.ToBeInViewportAsync();
        await skip.FocusAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();

        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("main")).ToBeFocusedAsync();
        Assert.Equal("/clock", await page.Page.EvaluateAsync<string>("() => location.pathname"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Header_KeyboardFocus_IsVisibleOnEveryControl()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/clock");
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();
        await page.WaitForShortcutsAsync();
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" }).FocusAsync();

        // Tab through the bar from the skip link: each control shows a ring.
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
            var focused = await page.Page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; const s = getComputedStyle(e); return [e.getAttribute('aria-label') || e.textContent.trim(), s.outlineStyle + ' ' + s.outlineWidth]; }");
            var (name, outline) = (focused[0], focused[1]);
            names.Add(name);
            Assert.True(outline.StartsWith("solid", StringComparison.Ordinal) && !outline.EndsWith(" 0px", StringComparison.Ordinal), $"{name}: outline {outline}");
        }

        Assert.Equal(["Toggle navigation", "Dashboard", "Kiosk mode", "Keyboard shortcuts", "Dark theme"], names);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task ShortcutsHelp_Opened_IsCentredOnTheScreen()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring");
        await page.WaitForShortcutsAsync();

        await page.Page.Keyboard.PressAsync("?");
        var dialog = page.Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        var box = await dialog.BoundingBoxAsync();

        Assert.NotNull(box);
        var (left, right) = (box.X, 1440 - box.X - box.Width);
        var (top, bottom) = (box.Y, 900 - box.Y - box.Height);
        Assert.True(Math.Abs(left - right) <= 2 && Math.Abs(top - bottom) <= 2, $"The dialog sits {left}/{right}px from the sides and {top}/{bottom}px from the top and bottom.");
        Assert.Empty(page.Errors);
    }
}
