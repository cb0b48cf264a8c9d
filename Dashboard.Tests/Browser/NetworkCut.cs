using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Takes one page's network away and gives it back through Chromium's own network emulation
/// (CDP <c>Network.emulateNetworkConditions</c>), as a dropped Wi-Fi or a pulled cable would:
/// the server and every other page are untouched.
/// </summary>
public sealed class NetworkCut : IAsyncDisposable
{
    private readonly ICDPSession _session;

    private NetworkCut(ICDPSession session) => _session = session;

    public static async Task<NetworkCut> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Network.enable");
        return new NetworkCut(session);
    }

    public Task OfflineAsync() => EmulateAsync(offline: true);

    public Task OnlineAsync() => EmulateAsync(offline: false);

    public async ValueTask DisposeAsync() => await _session.DetachAsync();

    private Task EmulateAsync(bool offline) => _session.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = offline,
        ["latency"] = 0,
        ["downloadThroughput"] = -1,
        ["uploadThroughput"] = -1,
    });
}
