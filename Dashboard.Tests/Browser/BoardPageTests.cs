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

    private async Task PublishAsync(double bytesPerSecond, int errors = 0)
    {
        using var response = await _http.PostAsJsonAsync($"/feeds/publish/{Topic}", new { bytesPerSecond, errors });
        response.EnsureSuccessStatusCode();
    }
}
