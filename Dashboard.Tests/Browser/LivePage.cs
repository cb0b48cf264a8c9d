using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// A page opened in its own browser context that records console errors and failed requests,
/// so every page test can assert the page ran clean.
/// </summary>
public sealed class LivePage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private LivePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => Errors.Add($"request failed: {request.Url} {request.Failure}");
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    /// <summary>Opens <paramref name="path"/>; <paramref name="initScript"/> runs in the page before any of its own.</summary>
    public static async Task<LivePage> OpenAsync(BrowserFixture browser, Uri baseAddress, string path, BrowserNewContextOptions? options = null, string? initScript = null)
    {
        var context = await browser.Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }

        var page = await context.NewPageAsync();
        var live = new LivePage(context, page);
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        await live.WaitForBlazorAsync();
        return live;
    }

    /// <summary>
    /// Reloads the page and waits for Blazor rather than for the load event: on a loaded 2-core
    /// CI machine a reload's load event once took past the 15 s timeout. The tests wait after it
    /// for what they check themselves.
    /// </summary>
    public async Task ReloadAsync()
    {
        await Page.ReloadAsync(new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await WaitForBlazorAsync();
    }

    // blazor.web.js defines Blazor when it starts; the badge is in every page's layout.
    private Task WaitForBlazorAsync() =>
        Page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-testid=connection-badge]') !== null");

    /// <summary>Waits until the text of <paramref name="selector"/> differs from what it is now: the page updated live.</summary>
    public async Task<(string Before, string After)> WaitForTextChangeAsync(string selector)
    {
        var locator = Page.Locator(selector).First;
        var before = await locator.InnerTextAsync();
        await Page.WaitForFunctionAsync(
            "([sel, before]) => { const e = document.querySelector(sel); return e && e.innerText !== before; }",
            new object[] { selector, before });
        return (before, await locator.InnerTextAsync());
    }

    /// <summary>Waits until an attribute of <paramref name="selector"/> changes from its current value.</summary>
    public async Task WaitForAttributeChangeAsync(string selector, string attribute)
    {
        var before = await Page.Locator(selector).First.GetAttributeAsync(attribute);
        await Page.WaitForFunctionAsync(
            "([sel, attr, before]) => { const e = document.querySelector(sel); return e && e.getAttribute(attr) !== before; }",
            new object?[] { selector, attribute, before });
    }

    /// <summary>Waits until the keyboard shortcuts listen.</summary>
    public Task WaitForShortcutsAsync() => Page.Locator("html[data-shortcuts=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// True while the page is cut off from its circuit: Blazor reported the connection down
    /// (js/circuit.js marks it on <c>#circuit-status</c>, in place of Blazor's own dialog), or
    /// the connection badge says Reconnecting or Offline.
    /// </summary>
    public Task<bool> ReconnectBannerVisibleAsync() =>
        Page.EvaluateAsync<bool>("() => { const s = document.getElementById('circuit-status'); const b = document.querySelector('[data-testid=connection-badge]'); return (!!s && s.dataset.downSince !== undefined) || (!!b && b.hasAttribute('data-circuit')); }");

    public async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
