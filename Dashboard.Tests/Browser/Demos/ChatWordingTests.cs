using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Demos;

/// <summary>Issue 19, item 14: /demos/chat says the query value, not the header, brings messages back on a reload.</summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ChatWordingTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Chat_Reloaded_MessagesComeBackThroughTheQueryValueItNames()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/chat");
        await page.Page.GetByTestId("sse-status").Filter(new() { HasText = "open" }).WaitForAsync();

        var opened = page.Page.WaitForRequestAsync(r => r.Url.Contains("/feeds/sse?topic=chat/lobby&lastEventId=", StringComparison.Ordinal));
        await page.ReloadAsync();
        var request = await opened;

        Assert.Null(await request.HeaderValueAsync("last-event-id"));
        var lead = page.Page.Locator(".page-header .lead");
        await Assertions.Expect(lead).ToContainTextAsync("?lastEventId= on the EventSource's URL");
        await Assertions.Expect(lead).ToContainTextAsync("That query value, not the header, is what brings them back on a reload");
        Assert.Empty(DemoErrors.Unexpected(page));
    }
}
