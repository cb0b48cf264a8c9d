using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Integration;

/// <summary>
/// A raw TCP client on 127.0.0.1 that sends one request, reads until the server has begun to
/// answer, and then stops reading, as a hung browser tab or a stuck proxy does. A tiny receive
/// buffer makes the server's writes back up after a few kilobytes.
/// </summary>
internal sealed class StalledClient : IDisposable
{
    private readonly Socket _socket;

    private StalledClient(Socket socket) => _socket = socket;

    /// <summary>Connects, sends <paramref name="request"/> and reads until <paramref name="begun"/> has arrived.</summary>
    public static async Task<StalledClient> OpenAsync(Uri baseAddress, string request, string begun)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));

        var seen = new StringBuilder();
        var buffer = new byte[256];
        using var deadline = new CancellationTokenSource(SseConnection.Patience);
        while (!seen.ToString().Contains(begun, StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, deadline.Token);
            Assert.True(read > 0, "The server closed the connection before it began to answer.");
            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return new StalledClient(socket);
    }

    /// <summary>An SSE request for <paramref name="pathAndQuery"/>; the preamble's <c>retry:</c> is written after the server has subscribed.</summary>
    public static Task<StalledClient> OpenSseAsync(Uri baseAddress, string pathAndQuery) =>
        OpenAsync(baseAddress, $"GET /{pathAndQuery} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAccept: text/event-stream\r\n\r\n", "retry:");

    /// <summary>
    /// Starts reading again and reads to the end: how the connection ended, "reset" or "closed",
    /// and the bytes that were still on their way; fails if it is still open after <paramref name="timeout"/>.
    /// </summary>
    public async Task<(string Ending, long Bytes)> DrainAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    return ("closed", bytes);
                }

                bytes += read;
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return ("reset", bytes);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The connection was still open after {timeout}, {bytes} bytes read.");
            throw;
        }
    }

    public void Dispose() => _socket.Dispose();
}
