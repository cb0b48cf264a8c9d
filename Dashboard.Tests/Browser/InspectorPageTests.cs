using System.Text.Json;
using Dashboard.Tests.Shared;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class InspectorPageTests(DashboardServer server, BrowserFixture browser)
{
    [Theory]
    [MemberData(nameof(WireCases.Names), MemberType = typeof(WireCases))]
    public async Task SseFrameParser_WireCase_DispatchesWhatTheSpecSays(string name)
    {
        var wireCase = WireCases.Get(name);

        // Any page of the origin can import the module; the script itself is the cheapest to open.
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "js/sseParser.js").ToString());

        // Whole, and one character at a time: line endings split across chunks must not matter.
        var results = await page.EvaluateAsync<JsonElement>("""
            async raw => {
                const { SseFrameParser } = await import('/js/sseParser.js');
                const run = chunks => {
                    const parser = new SseFrameParser();
                    const records = chunks.flatMap(c => parser.push(c)).concat(parser.end());
                    return records.filter(r => r.kind === 'event').map(r => ({ type: r.type, data: r.data, lastEventId: r.lastEventId }));
                };
                return [run([raw]), run([...raw])];
            }
            """, wireCase.Raw);

        foreach (var result in results.EnumerateArray())
        {
            Assert.Equal(wireCase.Expected, result.EnumerateArray().Select(e => new WireEvent(
                e.GetProperty("type").GetString()!, e.GetProperty("data").GetString()!, e.GetProperty("lastEventId").GetString()!)));
        }
    }

    [Fact]
    public async Task Inspector_Open_ShowsLiveFramesRawAndParsed()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/inspector");
        await page.Page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=events]').textContent) >= 3");

        Assert.Equal("open", await page.Page.Locator("[data-testid=state]").InnerTextAsync());

        // Paused, the rows hold still to be read.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        var firstRow = page.Page.Locator("[data-testid=frame-rows] tr[data-kind=event]").First;
        await firstRow.Locator("summary").ClickAsync();
        var raw = await firstRow.Locator("pre.raw").InnerTextAsync();
        Assert.Matches(@"^event: (time|quote)␊\ndata: \{.*\}␊\nid: \d+␊\n␊", raw);
        var retryRow = page.Page.Locator("[data-testid=frame-rows] tr[data-kind=retry]");
        Assert.Equal(1, await retryRow.CountAsync());
        Assert.Equal("3000 ms", await page.Page.Locator("[data-testid=retry]").InnerTextAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Inspector_PauseAndFilter_FreezeTheListThenShowOnlyMatches()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/inspector");
        var rows = page.Page.Locator("[data-testid=frame-rows] tr");
        await page.Page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=events]').textContent) >= 2");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        var shown = await rows.CountAsync();
        var captured = await page.Page.Locator("[data-testid=frames]").InnerTextAsync();
        await page.Page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=frames]').textContent) >= n + 3", int.Parse(captured, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(shown, await rows.CountAsync());
        Assert.EndsWith("captured while paused", await page.Page.Locator("[data-testid=paused-count]").InnerTextAsync(), StringComparison.Ordinal);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        Assert.True(await rows.CountAsync() > shown);

        await page.Page.GetByPlaceholder("type, id or text").FillAsync("ticker/ACME");
        var filtered = await rows.AllInnerTextsAsync();
        Assert.NotEmpty(filtered);
        Assert.All(filtered, text => Assert.Contains("ticker/ACME", text, StringComparison.Ordinal));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Inspector_ReconnectWithLastEventId_SendsItAndResumesAfterIt()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/inspector");
        await page.Page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=events]').textContent) >= 2");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        var last = await page.Page.Locator("[data-testid=last-event-id]").InnerTextAsync();

        await page.Page.GetByLabel("Last-Event-ID").FillAsync(last);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await page.Page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=last-event-id]').textContent) > n", long.Parse(last, System.Globalization.CultureInfo.InvariantCulture));

        var newest = await page.Page.Locator("[data-role=connections] li").First.InnerTextAsync();
        Assert.Contains($"Last-Event-ID {last} · 200 open", newest, StringComparison.Ordinal);

        // Disconnecting aborts the page's own request; nothing else may fail.
        Assert.All(page.Errors, error => Assert.Matches(@"^request failed: \S+/feeds/sse\?\S+ net::ERR_ABORTED$", error));
    }
}
