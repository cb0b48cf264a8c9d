using System.Diagnostics;
using System.Globalization;

namespace Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class ClockPageTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Clock_Open_ServerTimeChangesEverySecond()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/clock");
        await page.WaitForTextChangeAsync("[data-testid=server-time]");

        var watch = Stopwatch.StartNew();
        var (before, after) = await page.WaitForTextChangeAsync("[data-testid=server-time]");
        watch.Stop();

        Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", after);
        var step = ((TimeSpan.Parse(after, CultureInfo.InvariantCulture) - TimeSpan.Parse(before, CultureInfo.InvariantCulture)).TotalSeconds + 86_400) % 86_400;
        Assert.InRange(step, 1, 2);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"The next second took {watch.Elapsed} to show.");
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", await page.Page.Locator("[data-testid=browser-time]").InnerTextAsync());
        Assert.Equal(4, await page.Page.Locator("[data-testid=world-clock]").CountAsync());
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Clock_Open_SkewAndLatencyShownAsNumbers()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/clock");

        await page.Page.WaitForFunctionAsync("() => ['skew', 'latency', 'rtt'].every(id => document.querySelector(`[data-testid=${id}]`)?.dataset.ms !== undefined)");

        var skew = await MillisecondsAsync(page, "skew");
        var latency = await MillisecondsAsync(page, "latency");
        Assert.Matches(@"^[+−±]\d+ ms$", await page.Page.Locator("[data-testid=skew]").InnerTextAsync());
        Assert.Matches(@"^-?\d+ ms$", await page.Page.Locator("[data-testid=latency]").InnerTextAsync());

        // Browser and server share this machine's clock: the skew is measurement error only.
        Assert.InRange(skew, -250, 250);

        // Up to one render interval (250 ms) of throttle plus the circuit; small slack for the measurement.
        Assert.InRange(latency, -100, 2000);
        await page.ScreenshotAsync("clock");
        Assert.False(await page.ReconnectBannerVisibleAsync());
        Assert.Empty(page.Errors);
    }

    private static async Task<int> MillisecondsAsync(LivePage page, string id) =>
        int.Parse(await page.Page.Locator($"[data-testid={id}]").GetAttributeAsync("data-ms") ?? "", CultureInfo.InvariantCulture);
}
