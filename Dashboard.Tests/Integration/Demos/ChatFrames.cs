using System.Net.WebSockets;
using System.Text.Json;

namespace Dashboard.Tests.Integration.Demos;

/// <summary>Reads the chat socket's replies one whole message at a time, however the frames split it.</summary>
internal static class ChatFrames
{
    /// <summary>The next text message as JSON, or null once the server has closed the socket.</summary>
    public static async Task<JsonElement?> NextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), cancellationToken);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
    }

    /// <summary>The next message <paramref name="wanted"/> accepts; a close before it fails the test.</summary>
    public static async Task<JsonElement> NextWhereAsync(ClientWebSocket socket, Func<JsonElement, bool> wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await NextAsync(socket, cancellationToken) ?? throw new Xunit.Sdk.XunitException("The server closed the socket before the expected message.");
            if (wanted(frame))
            {
                return frame;
            }
        }
    }
}
