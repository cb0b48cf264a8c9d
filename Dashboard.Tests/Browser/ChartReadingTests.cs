using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Reading a live chart as issue 19's ops engineer did: hover, drag to zoom, reset.</summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed partial class ChartReadingTests(DashboardServer server, BrowserFixture browser)
{
    private static readonly string[] Fleet = ["web-1", "web-2", "api-1", "api-2", "db-1", "cache-1", "self"];

    private const string CpuChart = "[data-testid=live-chart][aria-label^='CPU, every host']";

    [Fact]
    public async Task Hover_EveryHostChart_ShowsTimeToTheSecondAndAValueForEveryHost()
    {
        // Arrange: the overview's CPU chart, one series per host, each ticking at its own times.
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/");
        var chart = page.Page.Locator(CpuChart);
        await page.Page.WaitForFunctionAsync($"() => Number(document.querySelector(\"{CpuChart}\")?.dataset.points) > 20");

        // Act
        var plot = chart.Locator(".u-over");
        var box = (await plot.BoundingBoxAsync())!;
        await page.Page.Mouse.MoveAsync(box.X + box.Width * 0.7f, box.Y + box.Height / 2);

        // Assert
        // The configured fleet and this server tick every second; hosts other tests published once do not.
        var values = await chart.Locator(".u-legend .u-series .u-value").AllInnerTextsAsync();
        var labels = await chart.Locator(".u-legend .u-series .u-label").AllInnerTextsAsync();
        Assert.Matches(TimeOfDay(), values[0]);
        var ticking = labels.Zip(values).Where(pair => Fleet.Contains(pair.First.Trim())).Select(pair => pair.Second).ToArray();
        Assert.Equal(Fleet.Length, ticking.Length);
        Assert.DoesNotContain("–", ticking);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Drag_AcrossAChart_ZoomsThatRangeUntilReset()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/");
        var chart = page.Page.Locator(CpuChart);
        await page.Page.WaitForFunctionAsync($"() => Number(document.querySelector(\"{CpuChart}\")?.dataset.points) > 20");
        var plot = chart.Locator(".u-over");
        var box = (await plot.BoundingBoxAsync())!;

        await page.Page.Mouse.MoveAsync(box.X + box.Width * 0.3f, box.Y + box.Height / 2);
        await page.Page.Mouse.DownAsync();
        await page.Page.Mouse.MoveAsync(box.X + box.Width * 0.6f, box.Y + box.Height / 2, new() { Steps = 5 });
        await page.Page.Mouse.UpAsync();

        var reset = chart.GetByRole(AriaRole.Button, new() { Name = "Reset zoom" });
        await Assertions.Expect(reset).ToBeVisibleAsync();
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-zoomed", "");
        await reset.ClickAsync();
        await Assertions.Expect(reset).ToBeHiddenAsync();
        Assert.Null(await chart.GetAttributeAsync("data-zoomed"));
        Assert.Empty(page.Errors);
    }

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}$")]
    private static partial Regex TimeOfDay();
}
