using System.Globalization;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// What a wall screen's viewer sees around a drop: the badge stops saying Live and says how old
/// the page is, then the page comes back live by itself (clock, every chart, the badge), with the
/// charts' gap filled and no "An unhandled error has occurred" bar.
/// </summary>
internal static class PageRecovery
{
    public const string Badge = "[data-testid=connection-badge]";

    /// <summary>How long the page may take to notice a drop and, once it can, to come back.</summary>
    public static readonly TimeSpan Notice = TimeSpan.FromSeconds(8);

    public static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Opens <paramref name="path"/> once its server has answered it and its largest script over
    /// plain HTTP: these tests' servers start beside every other test's, and a cold server's first
    /// page can take longer than a page load's timeout on a busy machine.
    /// </summary>
    public static async Task<LivePage> OpenAsync(BrowserFixture browser, Uri baseAddress, string path, BrowserNewContextOptions? options = null)
    {
        using (var http = new HttpClient { BaseAddress = baseAddress, Timeout = Recovery })
        {
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
            (await http.GetAsync("_framework/blazor.web.js")).EnsureSuccessStatusCode();
        }

        return await LivePage.OpenAsync(browser, baseAddress, path, options);
    }

    /// <summary>Waits until the page is live: the badge says Live and every chart has points. Returns each chart's point density.</summary>
    public static async Task<double[]> WaitForLiveAsync(LivePage page, TimeSpan timeout)
    {
        var options = new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 250 };
        await page.Page.WaitForFunctionAsync(
            "sel => { const b = document.querySelector(sel); return b && b.innerText.trim() === 'Live'; }", Badge, options);
        await page.Page.WaitForFunctionAsync(
            "() => { const c = [...document.querySelectorAll('[data-testid=live-chart]')]; return c.length >= 3 && c.every(e => e.getAttribute('data-last-x')); }",
            null, options);
        return await DensityAsync(page);
    }

    /// <summary>Waits, within <see cref="Notice"/>, for the badge to leave Live and then to say when the shown data is from.</summary>
    public static async Task<string> WaitForStaleBadgeAsync(LivePage page)
    {
        var options = new PageWaitForFunctionOptions { Timeout = (float)Notice.TotalMilliseconds, PollingInterval = 250 };
        await page.Page.WaitForFunctionAsync(
            "sel => { const t = document.querySelector(sel).innerText; return /Reconnecting|Offline/.test(t) && /\\d{2}:\\d{2}:\\d{2}/.test(t); }",
            Badge, options);
        return (await page.Page.Locator(Badge).InnerTextAsync()).Trim();
    }

    /// <summary>
    /// Waits until the page is live again and then updates: the badge says Live, the clock
    /// shows a new second and every chart a newer point. Returns each chart's point density.
    /// </summary>
    public static async Task<double[]> WaitForRecoveryAsync(LivePage page)
    {
        await WaitForLiveAsync(page, Recovery);
        var options = new PageWaitForFunctionOptions { Timeout = (float)Recovery.TotalMilliseconds, PollingInterval = 250 };
        var clock = await page.Page.Locator("[data-testid=clock-time]").InnerTextAsync();
        var charts = await page.Page.Locator("[data-testid=live-chart]").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-last-x'))");
        await page.Page.WaitForFunctionAsync(
            "before => { const c = document.querySelector('[data-testid=clock-time]'); return c && c.innerText !== before; }", clock, options);
        await page.Page.WaitForFunctionAsync(
            "before => [...document.querySelectorAll('[data-testid=live-chart]')].every((e, i) => Number(e.getAttribute('data-last-x')) > Number(before[i] ?? 0))",
            charts, options);
        return await DensityAsync(page);
    }

    /// <summary>True while Blazor's "An unhandled error has occurred" bar shows.</summary>
    public static Task<bool> ErrorBarVisibleAsync(LivePage page) =>
        page.Page.EvaluateAsync<bool>("() => { const e = document.getElementById('blazor-error-ui'); return !!e && getComputedStyle(e).display !== 'none'; }");

    /// <summary>
    /// Each chart's points per second over the span it shows: a hole left by a drop lowers it, a
    /// gap filled from the relay's window does not.
    /// </summary>
    private static Task<double[]> DensityAsync(LivePage page) =>
        page.Page.Locator("[data-testid=live-chart]").EvaluateAllAsync<double[]>(
            "els => els.map(e => { const n = Number(e.getAttribute('data-points')); const span = Number(e.getAttribute('data-last-x')) - Number(e.getAttribute('data-first-x')); return span > 0 ? n / span : 0; })");

    /// <summary>Asserts that no chart lost more than a quarter of its density: the drop's gap was filled.</summary>
    public static void AssertGapFilled(double[] before, double[] after)
    {
        Assert.Equal(before.Length, after.Length);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.True(after[i] >= before[i] * 0.75, string.Create(
                CultureInfo.InvariantCulture, $"chart {i}: points per second before the drop {before[i]:0.00}, after {after[i]:0.00}: a hole"));
        }
    }
}
