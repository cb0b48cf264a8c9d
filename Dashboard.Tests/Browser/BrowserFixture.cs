using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver: nothing is downloaded. The
/// networking flags stop Chromium calling hosts this machine cannot reach.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: apt-get install -y --no-install-recommends chromium (.ci/run does this).");
        }

        // Expectations wait as long as actions do (LivePage's 15 s): Playwright's 5 s default
        // was missed on CI's two cores while four browser collections ran at once.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
