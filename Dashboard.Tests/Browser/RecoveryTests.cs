using Dashboard.Tests.Shared;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The overview as a wall screen left alone lives it: its network drops for a while, or its
/// server restarts. The badge must stop saying Live while the page is cut off, and the page must
/// come back live by itself, its charts whole, without "An unhandled error has occurred".
/// </summary>
[Trait("Tier", "Browser")]
[Collection(RecoveryCollection.Name)]
public sealed class RecoveryTests(DashboardServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData(10, ColorScheme.Light)]
    [InlineData(45, ColorScheme.Dark)]
    public async Task Overview_OfflineForSeconds_BadgeLeavesLiveThenPageRecoversWhole(int seconds, ColorScheme scheme)
    {
        // Arrange: in both themes, for the badge's screenshots.
        await using var page = await PageRecovery.OpenAsync(browser, server.BaseAddress, "/", new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 1440, Height = 900 },
            ColorScheme = scheme,
        });
        await PageRecovery.WaitForLiveAsync(page, PageRecovery.Recovery);
        await using var network = await NetworkCut.AttachAsync(page.Page);

        // Act
        var offline = Task.Delay(TimeSpan.FromSeconds(seconds));
        await network.OfflineAsync();
        var stale = await PageRecovery.WaitForStaleBadgeAsync(page);
        await page.ScreenshotAsync($"offline-{seconds}s-badge-{scheme.ToString().ToLowerInvariant()}");
        await offline;
        await network.OnlineAsync();
        await PageRecovery.WaitForRecoveryAsync(page);

        // Assert
        Assert.Matches(@"^(Reconnecting|Offline)\b", stale);
        await PageRecovery.AssertChartsHoldRelayWindowAsync(page, server);
        Assert.False(await PageRecovery.ErrorBarVisibleAsync(page), "An unhandled error has occurred");
        Assert.False(await page.ReconnectBannerVisibleAsync());
    }

    [Fact]
    public async Task Overview_ServerRestarts_PagesComeBackLiveByThemselves()
    {
        // Arrange: a server on a fixed port, so that the one started after it answers the same address.
        var port = $"--urls=http://127.0.0.1:{FreePort.Next()}";
        var first = new DashboardServer { Arguments = { port } };
        await first.InitializeAsync();
        await using var normal = await PageRecovery.OpenAsync(browser, first.BaseAddress, "/");
        await using var kiosk = await PageRecovery.OpenAsync(browser, first.BaseAddress, "/?kiosk=1");
        await PageRecovery.WaitForLiveAsync(normal, PageRecovery.Recovery);
        await PageRecovery.WaitForLiveAsync(kiosk, PageRecovery.Recovery);

        // Act
        await first.DisposeAsync();
        var stale = await PageRecovery.WaitForStaleBadgeAsync(normal);
        await PageRecovery.WaitForStaleBadgeAsync(kiosk);
        await kiosk.ScreenshotAsync("restart-badge-kiosk");
        await using var second = new DashboardServer { Arguments = { port } };
        await second.InitializeAsync();

        // Assert
        Assert.Matches(@"^(Reconnecting|Offline)\b", stale);
        foreach (var page in new[] { normal, kiosk })
        {
            await PageRecovery.WaitForRecoveryAsync(page);
            Assert.False(await PageRecovery.ErrorBarVisibleAsync(page), "An unhandled error has occurred");
        }
    }
}
