using Dashboard.Demos;
using Dashboard.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Browser.Demos;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class TextDemoTests(DashboardServer server, BrowserFixture browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Text_CancelThenRestart_ServerStopsAndParagraphStartsOver()
    {
        var streams = server.Services.GetRequiredService<TextStreams>();
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/text");

        // Streaming as soon as the page opens.
        await page.Page.WaitForFunctionAsync("() => Number(document.querySelector('.text-demo').dataset.pieces) >= 3");
        await page.Page.ClickAsync("[data-testid=cancel]");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.text-demo').dataset.state === 'cancelled'");
        var cancelledAt = await page.Page.Locator("[data-testid=paragraph]").InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(cancelledAt));
        await Poll.UntilAsync(() => Task.FromResult(streams.Open == 0), Patience, "the server noticed the cancel and stopped writing");
        Assert.Equal(cancelledAt, await page.Page.Locator("[data-testid=paragraph]").InnerTextAsync());

        await page.Page.ClickAsync("[data-testid=restart]");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.text-demo').dataset.state === 'streaming'");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('.text-demo').dataset.state === 'done'", null, new() { Timeout = 30_000 });
        var paragraph = await page.Page.Locator("[data-testid=paragraph]").InnerTextAsync();
        Assert.StartsWith("Server-Sent Events are the simplest way", paragraph);
        Assert.EndsWith("ask for more.", paragraph.TrimEnd());
        await page.ScreenshotAsync("demo-text");

        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(DemoErrors.Unexpected(page));
    }
}
