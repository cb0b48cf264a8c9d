using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dashboard.Tests.Integration;

/// <summary>A client of <c>/feeds/ws</c>: each text message read as the JSON object it is.</summary>
internal sealed class WebSocketConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private WebSocketConnection(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    public static async Task<WebSocketConnection> OpenAsync(Uri baseAddress, string pathAndQuery)
    {
        var socket = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(SseConnection.Patience);
        await socket.ConnectAsync(ToWs(baseAddress, pathAndQuery), deadline.Token);
        return new WebSocketConnection(socket);
    }

    /// <summary>Tries the handshake and returns the HTTP status the server answered it with.</summary>
    public static async Task<int> HandshakeStatusAsync(Uri baseAddress, string pathAndQuery, string? origin = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await socket.ConnectAsync(ToWs(baseAddress, pathAndQuery), CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }

        return (int)socket.HttpStatusCode;
    }

    /// <summary>The next message, or null when the server closed the socket instead.</summary>
    public async Task<JsonElement?> NextAsync()
    {
        using var deadline = new CancellationTokenSource(SseConnection.Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, deadline.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            Assert.Equal(WebSocketMessageType.Text, received.MessageType);
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                using var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
                return json.RootElement.Clone();
            }
        }
    }

    public async Task<List<JsonElement>> TakeAsync(int count)
    {
        var messages = new List<JsonElement>();
        while (messages.Count < count)
        {
            messages.Add(await NextAsync() ?? throw new InvalidOperationException($"Closed after {messages.Count} messages: {CloseStatus} {CloseStatusDescription}"));
        }

        return messages;
    }

    /// <summary>Reads until the server closes; returns what came before.</summary>
    public async Task<List<JsonElement>> ReadToCloseAsync()
    {
        var messages = new List<JsonElement>();
        while (await NextAsync() is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    public Task CloseAsync() => _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Uri ToWs(Uri baseAddress, string pathAndQuery) =>
        new UriBuilder(new Uri(baseAddress, pathAndQuery)) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws" }.Uri;
}
