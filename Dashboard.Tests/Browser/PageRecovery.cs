using System.Globalization;
using Dashboard.Relay;
using Dashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Waits until the page is live: the badge says Live and every chart has points.</summary>
    public static async Task WaitForLiveAsync(LivePage page, TimeSpan timeout)
    {
        var options = new PageWaitForFunctionOptions { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 250 };
        await page.Page.WaitForFunctionAsync(
            "sel => { const b = document.querySelector(sel); return b && b.innerText.trim() === 'Live'; }", Badge, options);
        await page.Page.WaitForFunctionAsync(
            "() => { const c = [...document.querySelectorAll('[data-testid=live-chart]')]; return c.length >= 3 && c.every(e => e.getAttribute('data-last-x')); }",
            null, options);
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
    /// shows a new second and every chart a newer point.
    /// </summary>
    public static async Task WaitForRecoveryAsync(LivePage page)
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
    }

    /// <summary>True while Blazor's "An unhandled error has occurred" bar shows.</summary>
    public static Task<bool> ErrorBarVisibleAsync(LivePage page) =>
        page.Page.EvaluateAsync<bool>("() => { const e = document.getElementById('blazor-error-ui'); return !!e && getComputedStyle(e).display !== 'none'; }");

    /// <summary>
    /// Asserts that every chart holds what the server's relay kept of its topics over the span the
    /// chart shows: a drop's gap was filled from the relay's window. Held against the relay, not
    /// against the chart before the drop, because on a loaded machine the producers' own rate
    /// varies; only the points still on their way (the newest second or so) may be missing.
    /// </summary>
    public static async Task AssertChartsHoldRelayWindowAsync(LivePage page, DashboardServer server)
    {
        var charts = (await page.Page.Locator("[data-testid=live-chart]").EvaluateAllAsync<string[][]>(
            "els => els.map(e => ['data-feed', 'data-topics', 'data-points', 'data-first-x', 'data-last-x'].map(a => e.getAttribute(a) ?? ''))"))
            .Select(a => new ChartSpan(a[0], a[1], int.Parse(a[2], CultureInfo.InvariantCulture), double.Parse(a[3], CultureInfo.InvariantCulture), double.Parse(a[4], CultureInfo.InvariantCulture)))
            .ToArray();
        var relay = server.Services.GetRequiredService<FeedRelay>();
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            var topics = chart.Topics.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (from, through) = ((long)Math.Round(chart.FirstX * 1000), (long)Math.Round(chart.LastX * 1000));
            var snapshot = relay.Feed(chart.Feed).Snapshot();
            var kept = topics.SelectMany(snapshot.Window).Where(m => m.Ts >= from && m.Ts <= through).Select(m => m.Ts).Distinct().Count();
            var inFlight = Math.Max(3, kept / 50);
            Assert.True(chart.Points >= kept - inFlight, string.Create(CultureInfo.InvariantCulture,
                $"{chart.Feed} [{chart.Topics}]: the relay kept {kept} points from {chart.FirstX:0.000} to {chart.LastX:0.000}, the chart shows {chart.Points}: a hole"));
        }
    }

    private sealed record ChartSpan(string Feed, string Topics, int Points, double FirstX, double LastX);
}
