namespace Dashboard.Tests.Browser;

/// <summary>
/// Four minutes offline, past the three minutes Blazor keeps a disconnected circuit: the server
/// has let the page's circuit go, so the page must start again by itself.
/// </summary>
[Trait("Tier", "Browser")]
[Collection(LongDropCollection.Name)]
public sealed class LongDropTests(DashboardServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Overview_OfflinePastCircuitRetention_BadgeLeavesLiveThenPageRecoversWhole()
    {
        // Arrange
        await using var page = await PageRecovery.OpenAsync(browser, server.BaseAddress, "/");
        await PageRecovery.WaitForLiveAsync(page, PageRecovery.Recovery);
        await using var network = await NetworkCut.AttachAsync(page.Page);

        // Act
        var offline = Task.Delay(TimeSpan.FromMinutes(4));
        await network.OfflineAsync();
        var stale = await PageRecovery.WaitForStaleBadgeAsync(page);
        await offline;
        var longAfter = (await page.Page.Locator(PageRecovery.Badge).InnerTextAsync()).Trim();
        await network.OnlineAsync();
        await PageRecovery.WaitForRecoveryAsync(page);

        // Assert
        Assert.Matches(@"^(Reconnecting|Offline)\b", stale);
        Assert.Matches(@"^(Reconnecting|Offline)\b", longAfter);
        await PageRecovery.AssertChartsHoldRelayWindowAsync(page, server);
        Assert.False(await PageRecovery.ErrorBarVisibleAsync(page), "An unhandled error has occurred");
    }
}
