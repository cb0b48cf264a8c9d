using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Every page on a phone: what does not fit scrolls inside its own box, never the whole page sideways.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class PhoneWidthPageTests(DashboardServer server, BrowserFixture browser)
{
    private const int Width = 390;

    [Theory]
    [InlineData("/", "[data-testid=health-tile]")]
    [InlineData("/monitoring", "[data-testid=live-toolbar]")]
    [InlineData("/ticker", "[data-testid=quote-row]")]
    [InlineData("/clock", "[data-testid=browser-time]:not(:empty)")]
    [InlineData("/transports", "[data-transport] [data-testid=state]")]
    [InlineData("/inspector", "[data-testid=frame-rows] tr")]
    [InlineData("/demos", "[data-testid=demo-card]")]
    [InlineData("/demos/lifecycle", "[data-testid=server-line]")]
    [InlineData("/demos/text", "[data-testid=paragraph]")]
    [InlineData("/demos/chat", "[data-testid=ws-form]")]
    [InlineData("/demos/notifications", "[data-testid=alerts-log]")]
    [InlineData("/demos/lockscreen", "[data-testid=countdown]")]
    public async Task Page_PhoneWidth_DoesNotScrollSideways(string path, string content)
    {
        // Not IsMobile: Chromium's mobile emulation widens the layout viewport to fit what overflows,
        // which hides the very overflow this looks for.
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, path, new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = Width, Height = 844 },
        });
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();

        // What is widest comes with the data (frame rows, both clocks), so measure once it is there.
        await page.Page.Locator(content).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var overflow = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") - Width;

        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a {Width}px phone.");
        Assert.Empty(page.Errors);
    }
}
