using System.Net.WebSockets;
using Dashboard.Tests.Shared;
using Xunit.Abstractions;

namespace Dashboard.Tests.Integration;

/// <summary>
/// <c>/feeds/ws</c> takes nothing from a client but its close: a message, however large or small,
/// is closed with 1008, and a client that floods it gets the close after a bounded read.
/// </summary>
[Trait("Tier", "Server")]
public sealed class WebSocketInboundTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = SseConnection.Patience;

    [Fact]
    public async Task Ws_ClientSendsA5000ByteMessage_ClosedWithPolicyViolation()
    {
        // Arrange
        await using var server = await FeedsServer.StartAsync();
        using var socket = await ConnectAsync(server, "feeds/ws?topic=test/a");

        // Act
        using var deadline = new CancellationTokenSource(Patience);
        await socket.SendAsync(new byte[5000], WebSocketMessageType.Text, endOfMessage: true, deadline.Token);
        var close = await ReceiveCloseAsync(socket, deadline.Token);

        // Assert
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.Equal("this stream takes no messages", socket.CloseStatusDescription);
        using var client = server.CreateClient();
        await Poll.UntilAsync(async () => (await client.GetStringAsync("feeds/streams")).Contains("the client sent a message; this stream takes none", StringComparison.Ordinal),
            Patience, "/feeds/streams says why the socket ended");
    }

    [Fact]
    public async Task Ws_ClientFloodsSmallMessages_ClosedWithPolicyViolationWithinABoundedAmount()
    {
        // Arrange: the old cap reset at each message's end, and 40 MB of messages under 4 KB were read with no close.
        const long FloodBytes = 40L * 1024 * 1024;
        await using var server = await FeedsServer.StartAsync();
        using var socket = await ConnectAsync(server, "feeds/ws?topic=test/a");
        using var deadline = new CancellationTokenSource(Patience * 3);
        var closing = ReceiveCloseAsync(socket, deadline.Token);

        // Act: 1,000-byte messages until the server's close arrives; a send the server no longer reads is given up then.
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        _ = closing.ContinueWith(_ => stopSending.Cancel(), TaskScheduler.Default);
        var message = new byte[1000];
        long sent = 0;
        try
        {
            while (!closing.IsCompleted && sent < FloodBytes)
            {
                sent += message.Length;
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, stopSending.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The close came while a send waited; whether it came is asserted below.
            output.WriteLine($"the flood's last send ended with {ex.GetType().Name}: {ex.Message}");
        }

        output.WriteLine($"{sent} bytes of messages handed to the socket before the close arrived");

        // Assert: closed, and long before the flood was through (what was sent includes what the kernels buffered).
        Assert.True(closing.IsCompleted, $"No close after {sent} bytes of messages.");
        Assert.Equal(WebSocketMessageType.Close, (await closing).MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        Assert.True(sent < FloodBytes / 4, $"{sent} bytes were sent before the close.");
    }

    private static async Task<ClientWebSocket> ConnectAsync(FeedsServer server, string pathAndQuery)
    {
        var socket = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new UriBuilder(new Uri(server.BaseAddress, pathAndQuery)) { Scheme = "ws" }.Uri, deadline.Token);
        return socket;
    }

    /// <summary>Reads past any events to the server's close.</summary>
    private static async Task<ValueWebSocketReceiveResult> ReceiveCloseAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return received;
            }
        }
    }
}
