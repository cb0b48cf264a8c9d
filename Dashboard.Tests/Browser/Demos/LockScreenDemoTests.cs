using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Demos;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class LockScreenDemoTests(BrowserFixture browser)
{
    [Fact]
    public async Task LockScreen_SessionExpires_PageLocksThenSignInUnlocks()
    {
        // A server of its own with a short session: the shared one keeps the default minute.
        var server = new DashboardServer();
        server.Arguments.Add("--Dashboard:Demos:SessionSeconds=3");
        await server.InitializeAsync();
        try
        {
            await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/lockscreen");
            await page.Page.WaitForFunctionAsync("() => document.querySelector('.lockscreen').dataset.state === 'active'");
            Assert.Matches(@"^[1-3] s", await page.Page.Locator("[data-testid=countdown]").InnerTextAsync());

            // Who is signed in shows at once, not only when the expiry happens to re-render the page.
            await Assertions.Expect(page.Page.Locator("[data-testid=session-user]")).ToHaveTextAsync(
                new System.Text.RegularExpressions.Regex(@"^guest-\d{4}$"), new() { Timeout = 1000 });
            await Assertions.Expect(page.Page.Locator("[data-testid=session-topic]")).ToContainTextAsync("session/");
            var firstTopic = await page.Page.Locator("[data-testid=session-topic]").InnerTextAsync();

            var lockScreen = page.Page.Locator("[data-testid=lock-screen]");
            await Assertions.Expect(lockScreen).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(lockScreen).ToContainTextAsync("expired");
            await page.ScreenshotAsync("demo-lockscreen");

            await page.Page.FillAsync("[data-testid=signin-name] >> visible=true", "learner");
            await page.Page.ClickAsync("[data-testid=signin]");
            await Assertions.Expect(lockScreen).ToHaveCountAsync(0, new() { Timeout = 15_000 });
            await Assertions.Expect(page.Page.Locator("[data-testid=session-user]")).ToHaveTextAsync("learner");
            await page.Page.WaitForFunctionAsync("() => document.querySelector('.lockscreen').dataset.state === 'active'");
            Assert.NotEqual(firstTopic, await page.Page.Locator("[data-testid=session-topic]").InnerTextAsync());

            Assert.False(await page.ReconnectBannerVisibleAsync());
            Assert.Empty(DemoErrors.Unexpected(page));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
