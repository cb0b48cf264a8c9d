using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration.Demos;

/// <summary>What one chat WebSocket may send: frames no larger than a message can be (1009), and a few a second (1008).</summary>
[Trait("Tier", "Server")]
public sealed class ChatSocketLimitsTests : IClassFixture<DashboardServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The default ChatMaxLength (280) in UTF-8 at worst, plus the JSON around it.</summary>
    private const int FrameLimit = 280 * 4 + 512;

    /// <summary>The default Dashboard:Demos:SocketMessagesPerSecond.</summary>
    private const int FramesPerSecond = 10;

    private readonly DashboardServer _server;

    public ChatSocketLimitsTests(DashboardServer server) => _server = server;

    [Fact]
    public async Task Socket_FrameJustOverTheLimitEndingInOneRead_ClosedWith1009()
    {
        // Arrange: a frame the old check (made before each 1 KB read, not after) took whole.
        using var socket = await ConnectAsync();
        var frame = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { author = "big", text = new string('x', 1950) }));
        Assert.InRange(frame.Length, FrameLimit + 1, 2048);

        // Act
        await SendAsync(socket, frame);
        var replies = await ReadToCloseAsync(socket);

        // Assert
        Assert.Empty(replies);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        Assert.Equal($"frames are at most {FrameLimit} bytes", socket.CloseStatusDescription);
    }

    [Fact]
    public async Task Socket_FloodOfSmallFrames_ClosedWith1008AfterTheBurstIsAnswered()
    {
        // Arrange: frames that are not JSON, so each one taken is answered with an error frame and none posts.
        using var socket = await ConnectAsync();
        var frame = Encoding.UTF8.GetBytes("hello?");

        // Act: 200 frames at once; the old socket answered every one and read on. Read alongside,
        // since once the server has closed, the frames still on their way meet a closed socket.
        var closing = ReadToCloseAsync(socket);
        try
        {
            for (var i = 0; i < 200 && !closing.IsCompleted; i++)
            {
                await SendAsync(socket, frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            // The server closed the connection under the flood.
        }

        var replies = await closing;

        // Assert: the bucket's worth answered (one refill more, on a slow machine), then the close.
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal($"more than {FramesPerSecond} frames a second", socket.CloseStatusDescription);
        Assert.All(replies, reply => Assert.Equal("error", reply.GetProperty("kind").GetString()));
        Assert.InRange(replies.Count, FramesPerSecond, 2 * FramesPerSecond);
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(new Uri(_server.BaseAddress, "/demos/chat/ws")) { Scheme = "ws" }.Uri;
        using var deadline = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(uri, deadline.Token);
        return socket;
    }

    private static async Task SendAsync(ClientWebSocket socket, byte[] frame)
    {
        using var deadline = new CancellationTokenSource(Patience);
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
    }

    /// <summary>The server's replies (chat messages from the room left out) until its close.</summary>
    private static async Task<List<JsonElement>> ReadToCloseAsync(ClientWebSocket socket)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var replies = new List<JsonElement>();
        while (await ChatFrames.NextAsync(socket, deadline.Token) is { } reply)
        {
            if (reply.GetProperty("kind").GetString() != "message")
            {
                replies.Add(reply);
            }
        }

        return replies;
    }
}
