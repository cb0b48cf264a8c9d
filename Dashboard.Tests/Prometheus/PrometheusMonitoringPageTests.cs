using Dashboard.Tests.Browser;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Prometheus;

/// <summary>The Prometheus section of <c>/monitoring</c> in Chromium, against a real Prometheus scraping a real node_exporter.</summary>
[Trait("Tier", "Browser")]
[Collection(PrometheusCollection.Name)]
public sealed class PrometheusMonitoringPageTests(PrometheusServer prometheus, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string CpuQuery = "100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5s])))";
    private const string BadQuery = "rate(node_cpu_seconds_total[5s";
    private const string Cpu = "[data-testid=prom-panel][data-topic='prom/node-cpu']";
    private const string Bad = "[data-testid=prom-panel][data-topic='prom/typo']";

    [Fact]
    public async Task Monitoring_SourceConfigured_DrawsEachQueryLiveAndShowsPrometheusErrorForTheBadOne()
    {
        // Arrange
        var expected = (await prometheus.QueryAsync(BadQuery)).GetProperty("error").GetString()!;
        await using var app = await PrometheusApp.StartAsync(prometheus, 60, ("prom/node-cpu", CpuQuery, 1), ("prom/typo", BadQuery, 1));

        // Act
        await using var page = await LivePage.OpenAsync(browser, app.BaseAddress, "/monitoring");
        await page.Page.Locator($"{Cpu}[data-state=live] [data-testid=live-chart][data-last-x]").WaitForAsync(new() { Timeout = 30_000 });
        await page.WaitForAttributeChangeAsync($"{Cpu} [data-testid=live-chart]", "data-last-x");

        // Assert: a line for node_exporter's instance, its value in the query's unit, drawn as it comes
        var value = page.Page.Locator($"{Cpu} [data-testid=prom-value]");
        Assert.Equal(prometheus.NodeInstance, await value.GetAttributeAsync("data-series"));
        Assert.EndsWith("%", (await value.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains(prometheus.NodeInstance, await page.Page.Locator($"{Cpu} [data-testid=live-chart]").GetAttributeAsync("aria-label"), StringComparison.Ordinal);

        // Assert: the bad query says what Prometheus said, beside the live one
        await page.Page.Locator($"{Bad}[data-state=error]").WaitForAsync();
        Assert.Contains(expected, await page.Page.Locator($"{Bad} [data-testid=prom-error]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("live", await page.Page.Locator(Cpu).GetAttributeAsync("data-state"));
        await page.ScreenshotAsync("monitoring-prometheus");
        Assert.Empty(page.Errors);
    }
}
