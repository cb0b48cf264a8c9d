namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class TransportsPageTests(DashboardServer server, BrowserFixture browser)
{
    private static readonly string[] Transports = ["sse", "ws", "poll"];

    [Fact]
    public async Task Transports_Open_EveryTransportReceivesAndMeasuresTheFeed()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/transports");

        foreach (var transport in Transports)
        {
            // A few messages in, every measurement has a value.
            await page.Page.WaitForFunctionAsync(
                "t => { const p = document.querySelector(`[data-transport=${t}]`); const n = s => p.querySelector(`[data-testid=${s}]`); return Number(n('messages').textContent) >= 10 && n('latency').dataset.value !== undefined && Number(n('bytes').dataset.value) > 0; }",
                transport);
            var panel = page.Page.Locator($"[data-transport={transport}]");
            Assert.Equal("open", await panel.Locator("[data-testid=state]").InnerTextAsync());
            Assert.InRange(double.Parse(await panel.Locator("[data-testid=latency]").GetAttributeAsync("data-value") ?? "", System.Globalization.CultureInfo.InvariantCulture), -1000, 5000);
        }

        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Transports_CutEachConnection_EachReconnectsAndGoesOnAfterItsLastId()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/transports");
        foreach (var transport in Transports)
        {
            await page.Page.WaitForFunctionAsync("t => Number(document.querySelector(`[data-transport=${t}] [data-testid=messages]`).textContent) > 0", transport);
        }

        foreach (var transport in Transports)
        {
            var panel = page.Page.Locator($"[data-transport={transport}]");
            var lastBefore = long.Parse(await panel.Locator("[data-testid=last-id]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

            await panel.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Cut connection" }).ClickAsync();

            await page.Page.WaitForFunctionAsync(
                "t => { const p = document.querySelector(`[data-transport=${t}]`); return p.querySelector('[data-testid=reconnects]').textContent === '1' && p.querySelector('[data-testid=resume]').textContent.startsWith('after a cut') && p.querySelector('[data-testid=state]').textContent === 'open'; }",
                transport);
            var resume = await panel.Locator("[data-testid=resume]").InnerTextAsync();
            var firstAfter = long.Parse(resume.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(firstAfter > lastBefore, $"{transport} resumed at {firstAfter}, not after {lastBefore}.");
        }

        // The cuts may show up as requests the page aborted; nothing else may.
        Assert.All(page.Errors, error => Assert.Matches(@"^request failed: \S+/feeds/(sse|poll)\?\S+ net::ERR_ABORTED$", error));
    }
}
