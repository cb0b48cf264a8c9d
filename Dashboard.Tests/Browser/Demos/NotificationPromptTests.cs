using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Demos;

/// <summary>Issue 19, item 16: whatever the permission prompt's outcome, the page says what it was.</summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class NotificationPromptTests(DashboardServer server, BrowserFixture browser)
{
    // Headless Chromium shows no prompt; this answers it as a user who closes it without choosing
    // does: the promise resolves "default" and Notification.permission stays "default".
    private const string DismissPrompt = "Notification.requestPermission = () => Promise.resolve('default');";

    [Fact]
    public async Task Prompt_Dismissed_PageSaysNothingChangedAndOffersToAskAgain()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/notifications", initScript: DismissPrompt);
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.notifications').dataset.state === 'open'");

        await page.Page.ClickAsync("[data-testid=ask-permission]");

        await Assertions.Expect(page.Page.GetByTestId("permission-feedback")).ToHaveTextAsync("The prompt was closed without a choice: nothing changed, alerts stay as in-page toasts. Click again to be asked again.");
        await Assertions.Expect(page.Page.GetByTestId("ask-permission")).ToBeEnabledAsync();
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Prompt_Granted_PageSaysAlertsBecomeSystemNotifications()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/notifications");
        await page.Page.Context.GrantPermissionsAsync(["notifications"]);
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.notifications').dataset.state === 'open'");
        await page.Page.EvaluateAsync("() => document.querySelector('[data-testid=ask-permission]').disabled = false");

        await page.Page.ClickAsync("[data-testid=ask-permission]");

        await Assertions.Expect(page.Page.GetByTestId("permission-feedback")).ToHaveTextAsync("Allowed: new alerts now appear as system notifications.");
        Assert.Empty(page.Errors);
    }
}
