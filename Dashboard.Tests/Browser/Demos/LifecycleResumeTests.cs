using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Demos;

/// <summary>Issue 19, item 13: a stream the page does not close on "end" is resumed by EventSource itself, after the last id.</summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class LifecycleResumeTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task ReconnectOnce_StreamEnds_EventSourceResumesAfterLastIdThenPageCloses()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/lifecycle");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.lifecycle').dataset.received >= 1");
        await page.Page.FillAsync("[data-testid=max-events]", "2");
        await page.Page.Locator("[data-testid=max-events]").DispatchEventAsync("change");
        await page.Page.CheckAsync("[data-testid=reconnect-once]");

        await page.Page.ClickAsync("[data-testid=open]");

        // Two events, an end the page lets pass, the native reconnect, two more, and then the page's close.
        await page.Page.WaitForFunctionAsync("() => { const r = document.querySelector('.lifecycle').dataset; return r.outcome === 'ended' && r.received === '4'; }", null, new() { Timeout = 30_000 });
        var resumedAfter = await page.Page.Locator(".lifecycle").GetAttributeAsync("data-resumed-after");
        var ids = await page.Page.Locator("[data-testid=browser-log] li[data-kind=event]").AllInnerTextsAsync();
        var numbers = ids.Select(t => long.Parse(t.Split("id: ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).Reverse().TakeLast(4).ToArray();
        Assert.Equal(numbers[1].ToString(System.Globalization.CultureInfo.InvariantCulture), resumedAfter);
        Assert.True(numbers[2] > numbers[1], $"ids after the resume: {string.Join(", ", numbers)}");
        await Assertions.Expect(page.Page.Locator("[data-testid=browser-log] li[data-kind=resume]")).ToContainTextAsync($"Last-Event-ID: {resumedAfter}");
        await Assertions.Expect(page.Page.Locator("[data-testid=server-line][data-event=opened]").First).ToContainTextAsync($"resuming after {resumedAfter}", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Page.GetByTestId("url-explained")).ToContainTextAsync("cannot send a Last-Event-ID header on its first request");
        Assert.Empty(DemoErrors.Unexpected(page));
    }
}
