using Microsoft.Playwright;

namespace Dashboard.Tests.Browser.Demos;

[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class ChatDemoTests(DashboardServer server, BrowserFixture browser)
{
    private static readonly LocatorAssertionsToContainTextOptions Patience = new() { Timeout = 15_000 };

    [Fact]
    public async Task Chat_TwoPages_MessageTypedInOneAppearsInTheOtherBothWays()
    {
        await using var alice = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/chat");
        await using var bob = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/chat");
        foreach (var page in new[] { alice, bob })
        {
            await page.Page.WaitForFunctionAsync("() => ['ws-status', 'sse-status'].every(id => document.querySelector(`[data-testid=${id}]`).dataset.state === 'open')");
        }

        await alice.Page.FillAsync("[data-testid=chat-name]", "alice");
        var overSocket = $"hello over the socket <b>{Guid.NewGuid():N}</b>";
        await alice.Page.FillAsync("[data-testid=ws-text]", overSocket);
        await alice.Page.ClickAsync("[data-testid=ws-send]");

        // Bob reads it both ways: the room is one topic, whichever way a message came in. Found by
        // its text, not as the last line: the house bot speaks every few seconds in the same room.
        await Assertions.Expect(bob.Page.Locator("[data-testid=ws-log] li[data-kind=message]", new() { HasText = overSocket })).ToContainTextAsync("alice", Patience);
        await Assertions.Expect(bob.Page.Locator("[data-testid=sse-log] li[data-kind=message]", new() { HasText = overSocket })).ToContainTextAsync("alice", Patience);
        await Assertions.Expect(alice.Page.Locator("[data-testid=ws-log] li[data-kind=echo]").Last).ToContainTextAsync("published it as event", Patience);

        // Shown as text: the markup in the message never became an element.
        Assert.Equal(0, await bob.Page.Locator("[data-testid=ws-log] b, [data-testid=sse-log] b").CountAsync());

        var overPost = $"hello with a POST {Guid.NewGuid():N}";
        await bob.Page.FillAsync("[data-testid=sse-text]", overPost);
        await bob.Page.ClickAsync("[data-testid=sse-send]");
        await Assertions.Expect(alice.Page.Locator("[data-testid=sse-log] li[data-kind=message]", new() { HasText = overPost })).ToContainTextAsync("post", Patience);
        await Assertions.Expect(alice.Page.Locator("[data-testid=ws-log] li[data-kind=message]", new() { HasText = overPost })).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        await alice.ScreenshotAsync("demo-chat");
        foreach (var page in new[] { alice, bob })
        {
            Assert.False(await page.ReconnectBannerVisibleAsync());
            Assert.Empty(page.Errors);
        }
    }

    [Fact]
    public async Task Chat_Open_HouseBotMessageArrivesLive()
    {
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/demos/chat");
        await Assertions.Expect(page.Page.Locator("[data-testid=sse-log] li[data-kind=message]", new() { HasText = "house bot" }).First)
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Empty(page.Errors);
    }
}
