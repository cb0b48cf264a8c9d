using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Demos;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration.Demos;

[Trait("Tier", "Server")]
public sealed class TextStreamTests
{
    [Fact]
    public async Task TextStream_Whole_EveryTokenInOrderThenDone()
    {
        await using var server = await DemoServer.StartAsync("--Dashboard:Demos:TextTokenMs=1");
        using var client = server.Client();
        await using var stream = await SseConnection.OpenAsync(client, new Uri(server.BaseAddress, "/demos/text/stream"));

        var items = await stream.ReadToEndAsync().WaitAsync(SseConnection.Patience);

        Assert.Equal("start", items[0].EventType);
        Assert.Equal("done", items[^1].EventType);
        var tokens = items.Where(i => i.EventType == "token").ToList();
        Assert.Equal(Enumerable.Range(0, tokens.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), tokens.Select(t => t.EventId));
        var text = string.Concat(tokens.Select(t => JsonDocument.Parse(t.Data).RootElement.GetProperty("text").GetString()));
        Assert.Equal(Paragraph.Text, text);
    }

    [Fact]
    public async Task TextStream_LastEventId_CarriesOnAfterIt()
    {
        await using var server = await DemoServer.StartAsync("--Dashboard:Demos:TextTokenMs=1");
        using var client = server.Client();
        await using var stream = await SseConnection.OpenAsync(client, new Uri(server.BaseAddress, "/demos/text/stream?unit=sentence"), lastEventId: "5");

        var items = await stream.ReadToEndAsync().WaitAsync(SseConnection.Patience);

        var tokens = items.Where(i => i.EventType == "token").Select(i => i.EventId).ToList();
        Assert.Equal("6", tokens[0]);
        Assert.Equal(Paragraph.Sentences.Count - 6, tokens.Count);
    }

    [Fact]
    public async Task TextStream_ClientLeaves_ServerStopsWriting()
    {
        await using var server = await DemoServer.StartAsync("--Dashboard:Demos:TextTokenMs=200");
        var streams = server.Services.GetRequiredService<TextStreams>();
        using var client = server.Client();
        var stream = await SseConnection.OpenAsync(client, new Uri(server.BaseAddress, "/demos/text/stream"));
        await stream.NextAsync();
        Assert.Equal(1, streams.Open);

        await stream.DisposeAsync();

        await Poll.UntilAsync(() => Task.FromResult(streams.Open == 0), SseConnection.Patience, "the server noticed the client leave");
    }

    [Fact]
    public async Task Notifications_TestAlert_ArrivesOnAlertsTopic()
    {
        await using var server = await DemoServer.StartAsync();
        using var client = server.Client();
        await using var stream = await SseConnection.OpenAsync(client, new Uri(server.BaseAddress, "/feeds/sse?topic=alerts"));

        using var response = await client.PostAsync("/demos/notifications/test", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // The app's own alert rules publish here too (a busy test machine trips the CPU rule): skip to the test alert's id.
        var alert = await stream.NextAsync();
        while (long.Parse(alert.EventId!, CultureInfo.InvariantCulture) < id)
        {
            alert = await stream.NextAsync();
        }

        Assert.Equal(id, long.Parse(alert.EventId!, CultureInfo.InvariantCulture));

        Assert.Equal("alert", alert.EventType);
        using var data = JsonDocument.Parse(alert.Data);
        Assert.Equal("Test alert", data.RootElement.GetProperty("title").GetString());
        Assert.Equal("alerts", data.RootElement.GetProperty("topic").GetString());
    }
}
