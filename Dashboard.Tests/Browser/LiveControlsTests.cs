using System.Globalization;
using Dashboard.Relay;
using Dashboard.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Pause/Resume and the time window, as a viewer uses them.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class LiveControlsTests(DashboardServer server, BrowserFixture browser)
{
    private const string Chart = "[data-testid=live-chart]";

    // What the viewer sees: the pixels of the window and every text on the page.
    private const string Visible = "() => document.body.innerText";

    // Each page, a feed it shows with events enough for about three seconds, and an element that moves with it.
    [Theory]
    [InlineData("/monitoring", DashboardFeeds.Metrics, 18, Chart, "data-last-x")]
    [InlineData("/ticker", DashboardFeeds.Ticker, 120, Chart, "data-last-x")]
    [InlineData("/", DashboardFeeds.Metrics, 18, Chart, "data-last-x")]
    [InlineData("/clock", DashboardFeeds.Clock, 3, "[data-testid=server-time]", "data-ts")]
    public async Task Pause_Clicked_NothingChangesUntilResume(string path, string feed, int events, string moving, string attribute)
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, path);
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();
        await page.WaitForAttributeChangeAsync(moving, attribute);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        var resume = page.Page.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true });
        await Assertions.Expect(resume).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.GetByTestId("pause-status")).ToContainTextAsync("Paused at");

        // A render already under way when the button was pressed, and its flash, end first.
        await page.Page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        var text = await page.Page.EvaluateAsync<string>(Visible);
        var pixels = await page.Page.ScreenshotAsync();
        var at = await page.Page.Locator(moving).First.GetAttributeAsync(attribute);

        // Seconds of events reach the server meanwhile; none of them may reach the page.
        var relay = server.Services.GetRequiredService<FeedRelay>().Feed(feed);
        var received = relay.Received;
        await Poll.UntilAsync(() => Task.FromResult(relay.Received >= received + events), TimeSpan.FromSeconds(15), $"{events} events on {feed}");

        Assert.Equal(at, await page.Page.Locator(moving).First.GetAttributeAsync(attribute));
        Assert.Equal(text, await page.Page.EvaluateAsync<string>(Visible));
        var later = await page.Page.ScreenshotAsync();
        Assert.True(pixels.SequenceEqual(later), $"{path} changed on screen while paused.");

        await resume.ClickAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true })).ToBeVisibleAsync();
        await page.WaitForAttributeChangeAsync(moving, attribute);
        Assert.Empty(page.Errors);
        Assert.False(await page.ReconnectBannerVisibleAsync());
    }

    [Fact]
    public async Task Pause_BeforeTheCircuitIsUp_IsDisabledSoAClickIsNotLost()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var html = await http.GetStringAsync("/ticker");

        Assert.Matches("<button[^>]*data-testid=\"pause\"[^>]*disabled", html);
    }

    [Fact]
    public async Task Pause_KeyP_TogglesLikeTheButton()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/ticker");
        await page.Page.Locator($"{Chart}[data-last-x]").WaitForAsync();

        await page.WaitForShortcutsAsync();
        await page.Page.Keyboard.PressAsync("p");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true })).ToBeVisibleAsync();
        await page.Page.Keyboard.PressAsync("p");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true })).ToBeVisibleAsync();
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Window_Switched_ChartsRedrawOverTheChosenSpanAndStayLive()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring");
        var chart = page.Page.Locator($"{Chart}[data-last-x]").First;
        await chart.WaitForAsync();
        Assert.Equal("300", await chart.GetAttributeAsync("data-window-seconds"));

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "1 min", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "1 min", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-window-seconds", "60");
        await page.WaitForAttributeChangeAsync(Chart, "data-last-x");
        var first = Number(await chart.GetAttributeAsync("data-first-x"));
        var last = Number(await chart.GetAttributeAsync("data-last-x"));
        Assert.True(last - first <= 60, $"A one-minute chart spans {last - first} s.");

        // An hour is drawn as a minimum and a maximum per bucket, not every point.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "1 h", Exact = true }).ClickAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-window-seconds", "3600");
        Assert.Equal(6, Number(await chart.GetAttributeAsync("data-bucket-seconds")));
        await page.WaitForAttributeChangeAsync(Chart, "data-last-x");
        Assert.True(Number(await chart.GetAttributeAsync("data-points")) <= 2 * 601);
        Assert.Equal("false", await page.Page.GetByRole(AriaRole.Button, new() { Name = "1 min", Exact = true }).GetAttributeAsync("aria-pressed"));
        Assert.Empty(page.Errors);
    }

    private static double Number(string? value) => double.Parse(value ?? "NaN", CultureInfo.InvariantCulture);
}
