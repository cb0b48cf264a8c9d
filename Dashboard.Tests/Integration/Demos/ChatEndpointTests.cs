using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.Tests.Integration.Demos;

[Trait("Tier", "Server")]
public sealed class ChatEndpointTests : IClassFixture<DashboardServer>
{
    private readonly DashboardServer _server;

    public ChatEndpointTests(DashboardServer server) => _server = server;

    [Fact]
    public async Task PostMessage_Valid_ArrivesOnChatLobbyStreamCleaned()
    {
        using var client = _server.Client();
        await using var stream = await SseConnection.OpenAsync(client, new Uri(_server.BaseAddress, "/feeds/sse?topic=chat/lobby"));
        var text = $"hi\u202Ethere <script>{Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/demos/chat/messages", new { author = "  ann\n", text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var item = await NextChatAsync(stream, id);
        using var data = JsonDocument.Parse(item.Data);
        Assert.Equal("ann", data.RootElement.GetProperty("author").GetString());
        Assert.Equal("post", data.RootElement.GetProperty("via").GetString());
        Assert.StartsWith("hi there <script>", data.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    public async Task PostMessage_Empty_400(string text, string expected)
    {
        using var client = _server.Client();
        using var response = await client.PostAsJsonAsync("/demos/chat/messages", new { author = "ann", text });
        Assert.Contains(expected, await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_TooLong_400NamingTheSetting()
    {
        using var client = _server.Client();
        using var response = await client.PostAsJsonAsync("/demos/chat/messages", new { author = "ann", text = new string('x', 281) });
        Assert.Contains("Dashboard:Demos:ChatMaxLength", await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_BodySentTooSlowly_408Problem()
    {
        using var response = await BrokenBodies.StallingAsync(_server.BaseAddress, "/demos/chat/messages");

        await ProblemAssert.IsAsync(HttpStatusCode.RequestTimeout, response);
    }

    [Fact]
    public async Task PostMessage_MalformedChunkSize_400Problem()
    {
        using var response = await BrokenBodies.BadChunkSizeAsync(_server.BaseAddress, "/demos/chat/messages");

        await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);
    }

    [Fact]
    public async Task PostMessage_InvalidUtf8InTheText_400NamingUtf8()
    {
        using var client = _server.Client();
        using var content = new ByteArrayContent([.. "{\"author\":\"ann\",\"text\":\"a"u8, 0xC3, 0x28, .. "b\"}"u8]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/demos/chat/messages", content);

        Assert.Contains("UTF-8", await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_MultiByteUtf8_ArrivesUnchanged()
    {
        using var client = _server.Client();
        await using var stream = await SseConnection.OpenAsync(client, new Uri(_server.BaseAddress, "/feeds/sse?topic=chat/lobby"));
        var text = $"\U0001F680 \u6F22\u5B57 caf\u00E9 {Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/demos/chat/messages", new { author = "\u3042\u3093", text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var data = JsonDocument.Parse((await NextChatAsync(stream, id)).Data);
        Assert.Equal(text, data.RootElement.GetProperty("text").GetString());
        Assert.Equal("\u3042\u3093", data.RootElement.GetProperty("author").GetString());
    }

    [Fact]
    public async Task ChatLobby_IsDeclared_ListedInTopics()
    {
        using var client = _server.Client();
        var topics = await client.GetStringAsync("/feeds/topics");
        Assert.Contains("\"chat/lobby\"", topics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatSocket_GetWithoutUpgrade_400()
    {
        using var client = _server.Client();
        using var response = await client.GetAsync("/demos/chat/ws");
        await ProblemAssert.IsAsync(HttpStatusCode.BadRequest, response);
    }

    internal static async Task<System.Net.ServerSentEvents.SseItem<string>> NextChatAsync(SseConnection stream, long id)
    {
        while (true)
        {
            var item = await stream.NextAsync();
            if (item.EventId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Assert.Equal("chat", item.EventType);
                return item;
            }
        }
    }
}
