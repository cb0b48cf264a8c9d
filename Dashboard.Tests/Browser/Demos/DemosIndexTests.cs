using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Demos;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class DemosIndexTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Demos_Index_ListsEveryDemoAndTheNavMenuLinksIt()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos");

        var links = await page.Page.Locator("[data-testid=demo-link]").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
        Assert.Equal(["/demos/raw.html", "/demos/lifecycle", "/demos/text", "/demos/chat", "/demos/notifications", "/demos/lockscreen", "/transports", "/inspector"], links);
        Assert.Equal(1, await page.Page.Locator("nav a[href='/demos'], nav a[href='demos']").CountAsync());
        await page.ScreenshotAsync("demos-index");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task RawPage_FromTheIndex_PrintsRawClockEvents()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos");
        await page.Page.ClickAsync("[data-testid=demo-link] >> text=Raw EventSource");
        await page.Page.WaitForURLAsync("**/demos/raw.html");

        await Assertions.Expect(page.Page.Locator("#state")).ToHaveTextAsync("open", new() { Timeout = 15_000 });
        await page.Page.WaitForFunctionAsync("() => (document.getElementById('wire').textContent.match(/^event: time$/gm) || []).length >= 2");
        var wire = await page.Page.Locator("#wire").InnerTextAsync();
        Assert.Matches(@"event: time\nid: \d+\ndata: \{""topic"":""clock"",""ts"":\d+", wire);

        await page.Page.ClickAsync("#close");
        await Assertions.Expect(page.Page.Locator("#state")).ToHaveTextAsync("closed by the page");
        Assert.Empty(DemoErrors.Unexpected(page));
    }
}
