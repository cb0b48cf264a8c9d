using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration.Demos;

[Trait("Tier", "Server")]
public sealed class DemoLimitsTests
{
    [Fact]
    public async Task Posts_OverPostsPerMinute_429NamingTheSettingWithRetryAfter()
    {
        await using var server = await DemoServer.StartAsync("--Dashboard:Demos:PostsPerMinute=2");
        using var client = server.Client();

        // Chat posts and test alerts share the one budget per client address.
        using var first = await client.PostAsJsonAsync("/demos/chat/messages", new { author = "a", text = "one" });
        using var second = await client.PostAsync("/demos/notifications/test", null);
        using var third = await client.PostAsJsonAsync("/demos/chat/messages", new { author = "a", text = "three" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var detail = await ProblemAssert.IsAsync(HttpStatusCode.TooManyRequests, third);
        Assert.Contains("Dashboard:Demos:PostsPerMinute", detail, StringComparison.Ordinal);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("--Dashboard:Demos:SessionSeconds=1", "Dashboard:Demos:SessionSeconds")]
    [InlineData("--Dashboard:Demos:ChatMaxLength=0", "Dashboard:Demos:ChatMaxLength")]
    [InlineData("--Dashboard:Demos:PostsPerMinute=0", "Dashboard:Demos:PostsPerMinute")]
    [InlineData("--Dashboard:Demos:ChatBotSeconds=0", "Dashboard:Demos:ChatBotSeconds")]
    [InlineData("--Dashboard:Demos:TextTokenMs=0", "Dashboard:Demos:TextTokenMs")]
    [InlineData("--Dashboard:Demos:MaxSessions=0", "Dashboard:Demos:MaxSessions")]
    [InlineData("--Dashboard:Demos:SocketMessagesPerSecond=0", "Dashboard:Demos:SocketMessagesPerSecond")]
    public async Task Start_BadDemoSetting_FailsNamingTheKey(string argument, string key)
    {
        await using var app = DashboardApp.Build(["--urls=http://127.0.0.1:0", argument]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }
}
