using System.Globalization;
using System.Text.Json;
using ChartBench;
using Microsoft.Playwright;

const string Usage = """
    ChartBench: redraw time of the app's live chart (liveChart.js on uPlot) in headless Chromium.
      --points N     points per series (default 10000)
      --redraws N    timed redraws per case (default 300, after 30 untimed)
      --chromium P   the browser (default /usr/bin/chromium)
    """;

int points = 10_000, redraws = 300;
var chromium = "/usr/bin/chromium";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--points": points = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--redraws": redraws = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--chromium": chromium = args[++i]; break;
        default: Console.WriteLine(Usage); return args[i] is "-h" or "--help" ? 0 : 2;
    }
}

var files = new BenchFiles(BenchFiles.FindRepositoryRoot());
if (files.Resolve("/lib/uplot/uPlot.iife.min.js") is null)
{
    Console.Error.WriteLine("Dashboard/wwwroot/lib/uplot is missing: build the Dashboard first (its build installs uPlot from npm).");
    return 1;
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,

    // The browser tests' flags: Chromium calls no host this machine cannot reach.
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1440, Height = 900 } });
await context.RouteAsync($"{BenchFiles.Origin}/**", async route =>
{
    var file = files.Resolve(new Uri(route.Request.Url).AbsolutePath);
    await (file is null
        ? route.FulfillAsync(new RouteFulfillOptions { Status = 404 })
        : route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = BenchFiles.ContentType(file), BodyBytes = await File.ReadAllBytesAsync(file) }));
});

var page = await context.NewPageAsync();
var errors = new List<string>();
page.PageError += (_, error) => errors.Add(error);
await page.GotoAsync($"{BenchFiles.Origin}/bench/index.html");
await page.WaitForFunctionAsync("() => window.benchReady === true");

Console.WriteLine($"Chromium {browser.Version}, {Environment.ProcessorCount} cores, viewport 1440x900");
Console.WriteLine("| chart | points/series | series | size (CSS px) | redraws | draw median | draw p95 | draw+flush median | draw+flush p95 | append median |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
var exit = 0;
foreach (var bench in BenchCase.Defaults(points))
{
    var json = await page.EvaluateAsync<string>(
        "options => window.runBench(options).then(result => JSON.stringify(result))",
        new { points = bench.Points, series = bench.Series, width = bench.Width, height = bench.Height, redraws, warmup = 30 });
    var result = JsonSerializer.Deserialize<BenchResult>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {bench.Name} | {result.Points} | {result.Series} | {result.Width}x{result.Height} | {result.Redraws} | {result.Draw.Median:F2} ms | {result.Draw.P95:F2} ms | {result.DrawAndFlush.Median:F2} ms | {result.DrawAndFlush.P95:F2} ms | {result.Append.Median:F3} ms |"));
}

foreach (var error in errors)
{
    Console.Error.WriteLine("page error: " + error);
    exit = 1;
}

return exit;
