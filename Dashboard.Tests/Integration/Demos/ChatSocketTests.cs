using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dashboard.Tests.Integration.Demos;

[Trait("Tier", "Server")]
public sealed class ChatSocketTests : IClassFixture<DashboardServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly DashboardServer _server;

    public ChatSocketTests(DashboardServer server) => _server = server;

    [Fact]
    public async Task Socket_SendMessage_EchoThenRoomDeliversItToAnotherSocket()
    {
        using var sender = await ConnectAsync();
        using var reader = await ConnectAsync();
        var text = $"over the socket {Guid.NewGuid():N}";

        await SendAsync(sender, JsonSerializer.Serialize(new { author = "ws-user", text }));

        var echo = await ReceiveUntilAsync(sender, frame => frame.GetProperty("kind").GetString() == "echo");
        var id = echo.GetProperty("id").GetInt64();
        var message = await ReceiveUntilAsync(reader, frame => frame.GetProperty("kind").GetString() == "message" && frame.GetProperty("id").GetInt64() == id);
        Assert.Equal("chat", message.GetProperty("type").GetString());
        Assert.Equal(text, message.GetProperty("data").GetProperty("text").GetString());
        Assert.Equal("ws", message.GetProperty("data").GetProperty("via").GetString());
        Assert.True(message.GetProperty("data").GetProperty("ts").GetInt64() > 0);
    }

    [Fact]
    public async Task Socket_NotJson_ErrorFrameAndStaysOpen()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "hello?");
        var error = await ReceiveUntilAsync(socket, frame => frame.GetProperty("kind").GetString() == "error");
        Assert.Contains("JSON", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task Socket_ResumeAfterId_ReplaysLaterMessagesFirst()
    {
        using var client = _server.Client();
        var first = await PostAsync(client, "first");
        var second = await PostAsync(client, "second");

        using var socket = await ConnectAsync($"?after={first}");

        var replayed = await ReceiveUntilAsync(socket, frame => frame.GetProperty("kind").GetString() == "message");
        Assert.Equal(second, replayed.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Socket_Close_ServerClosesCleanly()
    {
        using var socket = await ConnectAsync();
        using var deadline = new CancellationTokenSource(Patience);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", deadline.Token);
        Assert.Equal(WebSocketState.Closed, socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    private async Task<ClientWebSocket> ConnectAsync(string query = "")
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(new Uri(_server.BaseAddress, "/demos/chat/ws" + query)) { Scheme = "ws" }.Uri;
        using var deadline = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(uri, deadline.Token);
        return socket;
    }

    private static async Task<long> PostAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsync("/demos/chat/messages",
            new StringContent(JsonSerializer.Serialize(new { author = "poster", text }), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetInt64();
    }

    private static async Task SendAsync(ClientWebSocket socket, string text)
    {
        using var deadline = new CancellationTokenSource(Patience);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, deadline.Token);
    }

    private static async Task<JsonElement> ReceiveUntilAsync(ClientWebSocket socket, Func<JsonElement, bool> wanted)
    {
        using var deadline = new CancellationTokenSource(Patience);
        return await ChatFrames.NextWhereAsync(socket, wanted, deadline.Token);
    }
}
