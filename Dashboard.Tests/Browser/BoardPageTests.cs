using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// A board given on the command line over a topic this test publishes to, and the same panel
/// opened on /explore from its address: both show the published values as they come.
/// </summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class BoardPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Key = "board-test-key-0123456789";
    private const string Topic = "lab/load";
    private readonly DashboardServer _server = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        string[] arguments =
        [
            $"--Feeds:Publish:Topics:0={Topic}",
            $"--Feeds:Publish:ApiKeys:0={Key}",
            "--Dashboard:Boards:lab:Title=Lab board",
            "--Dashboard:Boards:lab:Panels:0:Title=Throughput",
            $"--Dashboard:Boards:lab:Panels:0:Topic={Topic}",
            "--Dashboard:Boards:lab:Panels:0:Fields:0=bytesPerSecond",
            "--Dashboard:Boards:lab:Panels:0:Kind=stat",
            "--Dashboard:Boards:lab:Panels:0:Unit=bytes/s",
            "--Dashboard:Boards:lab:Panels:0:Thresholds:Warning=2000000",
            "--Dashboard:Boards:lab:Panels:0:Thresholds:Critical=3000000",
            "--Dashboard:Boards:lab:Panels:1:Title=Throughput over time",
            $"--Dashboard:Boards:lab:Panels:1:Topic={Topic}",
            "--Dashboard:Boards:lab:Panels:1:Fields:0=bytesPerSecond",
            "--Dashboard:Boards:lab:Panels:1:Kind=line",
            "--Dashboard:Boards:lab:Panels:1:Unit=bytes/s",
        ];
        foreach (var argument in arguments)
        {
            _server.Arguments.Add(argument);
        }

        await _server.InitializeAsync();
        _http.BaseAddress = _server.BaseAddress;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Board_FromCommandLine_StatAndLineFollowPublishedValues()
    {
        await using var page = await LivePage.OpenAsync(browser, _server.BaseAddress, "/boards/lab");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Lab board" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Lab board" })).ToBeVisibleAsync();
        var stat = page.Page.Locator("[data-kind=stat] [data-testid=panel-value]");
        var chart = page.Page.Locator("[data-kind=line] [data-testid=live-chart]");

        await PublishAsync(1_200_000);
        await Assertions.Expect(stat).ToContainTextAsync("1.2 MB/s");
        await Assertions.Expect(stat).ToHaveAttributeAsync("data-level", "ok");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "1");

        await PublishAsync(3_400_000);
        await Assertions.Expect(stat).ToContainTextAsync("3.4 MB/s");
        await Assertions.Expect(stat).ToHaveAttributeAsync("data-level", "critical");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "2");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Explore_LineAppearsWhileTheBrowserIsSlow_ChartTakesEveryPoint()
    {
        // Arrange: a line panel of two fields, the second not published yet, in a browser slowed
        // thirty times, so the acknowledgement of each render comes late. Blazor Server creates
        // the chart again for a new line only after that acknowledgement; points sent in between
        // for a chart of the old shape failed in the browser and ended the circuit (CI, stop 21).
        await using var page = await LivePage.OpenAsync(browser, _server.BaseAddress, $"/explore?topic={Topic}&field=bytesPerSecond&field=errors&kind=line");
        await page.WaitForShortcutsAsync();
        var cdp = await page.Page.Context.NewCDPSessionAsync(page.Page);
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 30 });

        // Act: 20 events a second for two seconds, the way a publisher sends them; the second
        // field (a second line) starts with the sixth.
        for (var i = 0; i < 40; i++)
        {
            await PublishAsync(1_000 + i, errors: i < 5 ? null : i);
            await Task.Delay(50);
        }

        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 1 });

        // Assert: both lines drawn, every event a point, the circuit alive.
        var chart = page.Page.Locator("[data-testid=live-chart]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "40");
        await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("errors"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Explore_CircuitEndedByAnError_PageReloadsItselfAndComesBackLive()
    {
        // Arrange: a live line panel; then the chart library breaks in this page only, so the
        // next chart the circuit creates throws in the browser and the server ends the circuit.
        await using var page = await LivePage.OpenAsync(browser, _server.BaseAddress, $"/explore?topic={Topic}&field=bytesPerSecond&kind=line");
        await page.WaitForShortcutsAsync();
        await page.Page.EvaluateAsync("() => { window.beforeCrash = true; window.uPlot = function () { throw new Error('chart library broken by the test'); }; }");

        // Act: the first event is the panel's first line: the chart is created again.
        await PublishAsync(2_000);

        // Assert: Blazor's error bar shows, then the page reloads by itself (a new window object,
        // the real uPlot again) and draws the event from the relay's window.
        await Assertions.Expect(page.Page.Locator("#blazor-error-ui")).ToBeVisibleAsync();
        await page.Page.WaitForFunctionAsync("() => window.beforeCrash === undefined && document.documentElement.dataset.shortcuts === 'on'");
        await Assertions.Expect(page.Page.Locator("[data-testid=live-chart]")).ToHaveAttributeAsync("data-points", "1");
        await PublishAsync(2_500);
        await Assertions.Expect(page.Page.Locator("[data-testid=live-chart]")).ToHaveAttributeAsync("data-points", "2");
        await Assertions.Expect(page.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        // What the crash itself logs (the badge's pings fail until the reload), nothing after it.
        Assert.Contains("unhandled exception on the current circuit", page.Errors[0], StringComparison.Ordinal);
        Assert.All(page.Errors.Skip(1), error => Assert.Contains("not in the 'Connected' State", error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explore_OpenedFromAddress_ShowsTheSamePanelLive()
    {
        await PublishAsync(800);
        await using var page = await LivePage.OpenAsync(browser, _server.BaseAddress, $"/explore?topic={Topic}&field=bytesPerSecond&kind=stat&unit=bytes/s");
        var stat = page.Page.Locator("[data-kind=stat] [data-testid=panel-value]");
        await Assertions.Expect(stat).ToContainTextAsync("800 B/s");
        await Assertions.Expect(page.Page.Locator("[data-testid=explore-field][data-field=bytesPerSecond] input[type=checkbox]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Page.GetByTestId("explore-config")).ToContainTextAsync("\"Unit\": \"bytes/s\"");

        await PublishAsync(4_500);
        await Assertions.Expect(stat).ToContainTextAsync("4.5 kB/s");

        // Ticking another field and choosing a kind keeps the choice in the address.
        await PublishAsync(4_500, errors: 3);
        await page.Page.Locator("[data-testid=explore-field][data-field=errors] input[type=checkbox]").CheckAsync();
        await page.Page.GetByTestId("explore-kind").SelectOptionAsync("table");
        await page.Page.WaitForFunctionAsync("() => location.search.includes('field=errors') && location.search.includes('kind=table')");
        await Assertions.Expect(page.Page.Locator("[data-kind=table] [data-testid=panel-value]")).ToHaveCountAsync(2);
        Assert.Empty(page.Errors);
    }

    private async Task PublishAsync(double bytesPerSecond, int? errors = 0)
    {
        using var response = errors is { } count
            ? await _http.PostAsJsonAsync($"/feeds/publish/{Topic}", new { bytesPerSecond, errors = count })
            : await _http.PostAsJsonAsync($"/feeds/publish/{Topic}", new { bytesPerSecond });
        response.EnsureSuccessStatusCode();
    }
}
