using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Demos;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class NotificationsDemoTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Notifications_NotGranted_TestAlertShowsAsToast()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/notifications");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.notifications').dataset.state === 'open'");

        await page.Page.ClickAsync("[data-testid=send-test]");

        // The fleet's own alerts share the topic and may arrive first, so find the test alert's toast by its text.
        await Assertions.Expect(page.Page.Locator("[data-testid=toasts] .toast", new() { HasText = "Test alert" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Page.Locator("[data-testid=alerts-log] li[data-how=toast]", new() { HasText = "Sent from the notifications demo" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync("demo-notifications");
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Notifications_Granted_TestAlertShownAsSystemNotification()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/notifications");
        await page.Page.Context.GrantPermissionsAsync(["notifications"]);
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.notifications').dataset.state === 'open'");

        await page.Page.ClickAsync("[data-testid=send-test]");

        await Assertions.Expect(page.Page.Locator("[data-testid=alerts-log] li[data-how=notification]", new() { HasText = "Test alert" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        Assert.Equal(0, await page.Page.Locator("[data-testid=toasts] .toast").CountAsync());
        Assert.Empty(page.Errors);
    }
}
