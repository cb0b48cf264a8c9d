using System.Text.Json;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// axe-core (npm, installed by the Dashboard build) over every page in both themes. Injected by
/// evaluating its text: a script tag would be refused by the pages' Content-Security-Policy.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class AccessibilityTests(DashboardServer server, BrowserFixture browser)
{
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          });
          return JSON.stringify(result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) })));
        }
        """;

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(FindAxe()));

    [Theory]
    [InlineData("/", ColorScheme.Light)]
    [InlineData("/", ColorScheme.Dark)]
    [InlineData("/monitoring", ColorScheme.Light)]
    [InlineData("/monitoring", ColorScheme.Dark)]
    [InlineData("/ticker", ColorScheme.Light)]
    [InlineData("/ticker", ColorScheme.Dark)]
    [InlineData("/clock", ColorScheme.Light)]
    [InlineData("/clock", ColorScheme.Dark)]
    [InlineData("/?kiosk=1", ColorScheme.Dark)]
    [InlineData("/boards/ops", ColorScheme.Light)]
    [InlineData("/boards/ops", ColorScheme.Dark)]
    [InlineData("/boards/ops?kiosk=1", ColorScheme.Dark)]
    [InlineData("/explore?topic=metrics/self&field=cpu&field=hostCpu&kind=line&unit=percent", ColorScheme.Light)]
    [InlineData("/explore?topic=metrics/self&field=cpu&field=hostCpu&kind=line&unit=percent", ColorScheme.Dark)]
    public async Task Axe_Page_NoSeriousOrCriticalViolations(string path, ColorScheme scheme)
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, path, new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            ColorScheme = scheme,
            ReducedMotion = ReducedMotion.Reduce,
        });
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();
        if (path != "/clock")
        {
            await page.Page.Locator("[data-testid=live-chart][data-last-x]").First.WaitForAsync();
        }

        var dark = scheme == ColorScheme.Dark ? "dark" : "light";
        await page.Page.WaitForFunctionAsync($"() => document.documentElement.dataset.theme === '{dark}'");

        // Contrast is judged on what is shown: hold the page still so nothing is caught mid-flash.
        // A wall screen has no Pause button (issue 19): there the key does it.
        if (path.Contains("kiosk=1", StringComparison.Ordinal))
        {
            await page.WaitForShortcutsAsync();
            await page.Page.Keyboard.PressAsync("p");
            await Assertions.Expect(page.Page.GetByTestId("pause-status")).ToContainTextAsync("Paused");
        }
        else
        {
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
        }

        await page.Page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");

        await page.Page.EvaluateAsync(AxeSource.Value);
        var violations = await page.Page.EvaluateAsync<string>(RunAxe);

        Assert.True(violations == "[]", $"{path} ({dark}): {FormatJson(violations)}");
        Assert.Empty(page.Errors);
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Axe_ShortcutsHelpOpen_NoSeriousOrCriticalViolations(ColorScheme scheme)
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/monitoring", new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            ColorScheme = scheme,
        });
        await page.Page.Locator("[data-testid=connection-badge][data-state=live]").WaitForAsync();
        await page.WaitForShortcutsAsync();
        var dark = scheme == ColorScheme.Dark ? "dark" : "light";
        await page.Page.WaitForFunctionAsync($"() => document.documentElement.dataset.theme === '{dark}'");
        await page.Page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).EvaluateAsync("b => b.click()");

        await page.Page.EvaluateAsync(AxeSource.Value);
        var violations = await page.Page.EvaluateAsync<string>(RunAxe);

        Assert.True(violations == "[]", $"{dark}: {FormatJson(violations)}");
        await page.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        Assert.Empty(page.Errors);
    }

    private static string FormatJson(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { WriteIndented = true });

    private static string FindAxe()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Dashboard", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("axe-core is missing: building Dashboard installs it from Dashboard/package-lock.json (npm ci).");
    }
}
