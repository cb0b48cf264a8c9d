using System.Net.Http.Json;

namespace Dashboard.Tests.Integration.Demos;

[Trait("Tier", "Server")]
public sealed class RemoteFeedsDemoTests
{
    [Fact]
    public async Task Demos_FeedsOnAnotherServer_PagesSaySoAndEndpointsAreAbsent()
    {
        await using var feeds = await DemoServer.StartAsync();
        await using var remote = await DemoServer.StartAsync($"--Dashboard:FeedsUrl={feeds.BaseAddress}");
        using var client = remote.Client();

        var page = await client.GetStringAsync("/demos/chat");
        using var post = await client.PostAsJsonAsync("/demos/chat/messages", new { author = "a", text = "hello" });

        Assert.Contains("demo-unavailable", page, StringComparison.Ordinal);
        Assert.False(post.IsSuccessStatusCode);
        Assert.Contains("demo-link", await client.GetStringAsync("/demos"), StringComparison.Ordinal);
    }
}
