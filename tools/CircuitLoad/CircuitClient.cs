using System.Net.WebSockets;
using System.Text;

namespace CircuitLoad;

/// <summary>
/// One Blazor Server circuit driven the way blazor.web.js drives it: GET the page, open
/// <c>/_blazor</c> over a WebSocket with the "blazorpack" hub protocol, StartCircuit, add the
/// prerendered root components, then acknowledge every render batch and answer every JS interop
/// call (modules get an object reference, everything else null), so components behave as if a
/// browser were there. Nothing is drawn: the cost measured is the server's and the wire's.
/// </summary>
internal sealed class CircuitClient(HttpClient http, Uri pageUrl, CircuitStats stats)
{
    private const int MessageInvocation = 1;
    private const int MessageCompletion = 3;
    private const int MessagePing = 6;
    private const int MessageClose = 7;

    // JSCallResultType.JSObjectReference: the call wants an object (an imported module, say) back.
    private const int ResultJsObjectReference = 1;

    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _nextJsObjectId = 1;
    private BlazorPage? _page;
    private string? _circuitId;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            _page = BlazorPage.Parse(await http.GetStringAsync(pageUrl, cancellationToken));
            if (_page.Markers.Count == 0)
            {
                throw new InvalidOperationException("The page has no server component markers.");
            }

            var hub = new UriBuilder(pageUrl) { Scheme = pageUrl.Scheme == "https" ? "wss" : "ws", Path = "/_blazor", Query = "" }.Uri;
            await _socket.ConnectAsync(hub, cancellationToken);
            await _socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, cancellationToken);

            var baseUri = new UriBuilder(pageUrl) { Path = "/", Query = "" }.Uri.ToString();
            await SendAsync(Invocation("0", "StartCircuit", w => w.String(baseUri).String(pageUrl.ToString()).String("[]").String(_page.ApplicationState)), cancellationToken);
            using var pinger = new Timer(_ => _ = SendQuietlyAsync(new MessagePackWriter().Array(1).Int(MessagePing).ToArray()), null, PingEvery, PingEvery);
            await ReceiveLoopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Fail(exception.GetType().Name + ": " + exception.Message);
        }
        finally
        {
            if (stats.State is CircuitState.Connected or CircuitState.Starting && !cancellationToken.IsCancellationRequested)
            {
                stats.State = stats.State == CircuitState.Starting ? CircuitState.Failed : CircuitState.Disconnected;
            }

            await DisconnectAsync();
            await CloseAsync();
        }
    }

    // What a closing tab does (blazor.web.js sends this beacon on unload): the server disposes
    // the circuit now instead of keeping it for a reconnect that will not come.
    private async Task DisconnectAsync()
    {
        if (_circuitId is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var form = new FormUrlEncodedContent([new("circuitId", _circuitId)]);
            using var response = await http.PostAsync(new Uri(pageUrl, "/_blazor/disconnect"), form, timeout.Token);
        }
        catch (Exception)
        {
            // Best effort, like the browser's beacon: the retention period ends it otherwise.
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var pending = new List<byte>(64 * 1024);
        var handshakeDone = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                stats.Failure ??= $"server closed the socket: {_socket.CloseStatus} {_socket.CloseStatusDescription}";
                return;
            }

            stats.Received(result.Count);
            pending.AddRange(buffer.AsSpan(0, result.Count));
            if (!handshakeDone)
            {
                var end = pending.IndexOf(0x1e);
                if (end < 0)
                {
                    continue;
                }

                var handshake = Encoding.UTF8.GetString(pending.GetRange(0, end).ToArray());
                if (handshake.Contains("error", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("Handshake refused: " + handshake);
                }

                pending.RemoveRange(0, end + 1);
                handshakeDone = true;
            }

            await DrainAsync(pending, cancellationToken);
        }
    }

    private async Task DrainAsync(List<byte> pending, CancellationToken cancellationToken)
    {
        var consumed = 0;
        var data = pending.ToArray();
        while (HubFrames.TryRead(data.AsSpan(consumed), out var start, out var length))
        {
            var message = data.AsMemory(consumed + start, length);
            var framed = start + length;
            consumed += framed;
            await HandleAsync(message, framed, cancellationToken);
        }

        pending.RemoveRange(0, consumed);
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> message, int framed, CancellationToken cancellationToken)
    {
        var reply = Read(message.Span, framed);
        if (reply is not null)
        {
            await SendAsync(reply, cancellationToken);
        }
    }

    /// <summary>Counts one hub message and returns the answer a browser would send, if any.</summary>
    private byte[]? Read(ReadOnlySpan<byte> message, int framed)
    {
        var reader = new MessagePackReader(message);
        reader.ReadArrayHeader();
        var type = reader.ReadInt64();
        switch (type)
        {
            case MessageInvocation:
                reader.Skip();
                reader.Skip();
                var target = reader.ReadString() ?? "";
                reader.ReadArrayHeader();
                return OnInvocation(target, ref reader, framed);
            case MessageCompletion:
                reader.Skip();
                var id = reader.ReadString();
                var kind = reader.ReadInt64();
                var value = kind == 3 ? reader.ReadString() : null;
                stats.Other(framed);
                if (id == "0")
                {
                    if (kind != 3 || string.IsNullOrEmpty(value))
                    {
                        Fail("StartCircuit was refused");
                        return null;
                    }

                    _circuitId = value;
                    stats.State = CircuitState.Connected;
                    return Invocation(null, "UpdateRootComponents", w => w.String(_page!.AddOperations()).String(_page.ApplicationState));
                }

                return null;
            case MessageClose:
                var error = reader.ReadString();
                stats.Failure ??= "server sent Close" + (error is null ? "" : ": " + error);
                stats.Other(framed);
                return null;
            case MessagePing:
            default:
                stats.Other(framed);
                return null;
        }
    }

    private byte[]? OnInvocation(string target, ref MessagePackReader args, int framed)
    {
        switch (target)
        {
            case "JS.RenderBatch":
                {
                    var batchId = args.ReadInt64();
                    stats.RenderBatch(framed);
                    return Invocation(null, "OnRenderCompleted", w => w.Int(batchId).Nil());
                }

            case "JS.BeginInvokeJS":
                {
                    var taskId = args.ReadInt64();
                    var identifier = args.ReadString() ?? "";
                    args.Skip();
                    var resultType = (int)args.ReadInt64();
                    stats.JsCall(identifier, framed);
                    if (taskId == 0)
                    {
                        return null;
                    }

                    var result = resultType == ResultJsObjectReference ? $"{{\"__jsObjectId\":{_nextJsObjectId++}}}" : "null";
                    var json = $"[{taskId},true,{result}]";
                    return Invocation(null, "EndInvokeJSFromDotNet", w => w.Int(taskId).Bool(true).String(json));
                }

            case "JS.Error":
                {
                    var error = args.ReadString();
                    stats.Other(framed);
                    Fail("JS.Error: " + error);
                    return null;
                }

            default:
                stats.Other(framed);
                return null;
        }
    }

    private static byte[] Invocation(string? invocationId, string target, Action<MessagePackWriter> arguments)
    {
        var writer = new MessagePackWriter().Array(5).Int(MessageInvocation).EmptyMap().String(invocationId).String(target);
        var args = new MessagePackWriter();
        arguments(args);
        var body = args.ToArray();

        // The argument count is the number of top-level values written; count them by reading back.
        var count = CountValues(body);
        return [.. writer.Array(count).ToArray(), .. body];
    }

    private static int CountValues(byte[] body)
    {
        var reader = new MessagePackReader(body);
        var count = 0;
        while (!reader.End)
        {
            reader.Skip();
            count++;
        }

        return count;
    }

    private void Fail(string reason)
    {
        stats.Failure ??= reason;
        stats.State = stats.State == CircuitState.Connected ? CircuitState.Disconnected : CircuitState.Failed;
    }

    private async Task SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(HubFrames.Frame(message), WebSocketMessageType.Binary, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendQuietlyAsync(byte[] message)
    {
        try
        {
            await SendAsync(message, CancellationToken.None);
        }
        catch (Exception)
        {
            // A ping on a socket that is closing: the receive loop reports why it closed.
        }
    }

    private async Task CloseAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception)
        {
            // Closing is best effort; the server notices a dropped socket anyway.
        }

        _socket.Dispose();
    }
}
