using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Issue 19, item 15: /inspector appends at the bottom as devtools do, counts per connection, and logs a refusal once.</summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class InspectorScrollTests(DashboardServer server, BrowserFixture browser)
{
    private const string FastStream = "/feeds/sse?topic=ticker/*";

    [Fact]
    public async Task Frames_Arriving_AppendAtBottomAndStayPutWhileScrolledUp()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/inspector");
        await page.Page.GetByLabel("Stream", new() { Exact = true }).FillAsync(FastStream);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await page.Page.WaitForFunctionAsync("() => { const s = document.querySelector('.frames-scroll'); return s.scrollHeight > s.clientHeight * 2; }");

        // Following: the newest frame is the last row, and in view.
        var ids = await page.Page.Locator("[data-testid=frame-rows] tr[data-kind=event] td:nth-child(5)").AllInnerTextsAsync();
        var numbers = ids.Select(long.Parse).ToArray();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal("true", await page.Page.Locator(".inspector").GetAttributeAsync("data-following"));

        await page.Page.EvaluateAsync("() => { const s = document.querySelector('.frames-scroll'); s.scrollTop = s.scrollHeight / 3; }");
        var pinned = await page.Page.EvaluateAsync<string>("() => { const s = document.querySelector('.frames-scroll'); const r = s.getBoundingClientRect(); return document.elementFromPoint(r.left + 200, r.top + r.height / 2).closest('tr').innerText; }");
        var frames = int.Parse(await page.Page.GetByTestId("frames").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await page.Page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=frames]').textContent) >= n + 20", frames);

        var under = await page.Page.EvaluateAsync<string>("() => { const s = document.querySelector('.frames-scroll'); const r = s.getBoundingClientRect(); return document.elementFromPoint(r.left + 200, r.top + r.height / 2).closest('tr').innerText; }");
        Assert.Equal(pinned, under);
        Assert.Equal("false", await page.Page.Locator(".inspector").GetAttributeAsync("data-following"));
        await page.ScreenshotAsync("inspector");
        Assert.All(page.Errors, e => Assert.Contains("ERR_ABORTED", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_Again_CountersStartFromZero()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/inspector");
        await page.Page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=events]').textContent) >= 8");
        var before = int.Parse(await page.Page.GetByTestId("events").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        await page.Page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=events]').textContent) < n", before);
        Assert.Equal("0", await page.Page.GetByTestId("reconnects").InnerTextAsync());
    }

    [Fact]
    public async Task Connect_RefusedUrl_LoggedOnce()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/inspector");
        await page.Page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=events]').textContent) >= 1");
        await page.Page.GetByLabel("Stream", new() { Exact = true }).FillAsync("https://example.invalid/feed");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();

        var refused = page.Page.Locator("[data-role=connections] li", new() { HasText = "not this server's feed" });
        await refused.First.WaitForAsync();
        await Assertions.Expect(page.Page.GetByTestId("state")).ToHaveTextAsync("refused");
        Assert.Equal(1, await refused.CountAsync());
        Assert.Equal(2, await page.Page.Locator("[data-role=connections] li").CountAsync());
    }
}
