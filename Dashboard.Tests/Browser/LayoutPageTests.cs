using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LayoutPageTests(DashboardServer server, BrowserFixture browser)
{
    private const string ThemeHref = "() => document.getElementById('radzen-theme-link')?.getAttribute('href') ?? ''";

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
        Assert.DoesNotContain("dark", await page.Page.EvaluateAsync<string>(ThemeHref), StringComparison.Ordinal);

        await page.Page.Locator("[data-testid=theme-toggle] button").ClickAsync();
        await page.Page.WaitForFunctionAsync($"() => ({ThemeHref})().includes('material-dark')");
        await page.ScreenshotAsync("layout-dark");

        // The choice outlives the page: a reload comes back dark.
        await page.Page.ReloadAsync();
        await page.Page.WaitForFunctionAsync($"() => ({ThemeHref})().includes('material-dark')");

        await page.Page.Locator("[data-testid=theme-toggle] button").ClickAsync();
        await page.Page.WaitForFunctionAsync($"() => !({ThemeHref})().includes('dark')");
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

        await page.Page.WaitForFunctionAsync($"() => ({ThemeHref})().includes('material-dark')");
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
}
