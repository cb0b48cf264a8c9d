using System.Net.Sockets;
using System.Text;

namespace FeedLoad;

/// <summary>
/// A client that subscribes and then stops reading, as a frozen browser tab or a wedged proxy
/// would: it reads the response up to the stream's first <c>retry:</c> and never again. Its
/// receive window is kept small so the server's writes to it back up quickly.
/// </summary>
internal sealed class StalledConnection(Uri url)
{
    /// <summary>True once subscribed; the socket is held open, unread, until <paramref name="stop"/>.</summary>
    public async Task<bool> RunAsync(CancellationToken stop)
    {
        using var tcp = new TcpClient { ReceiveBufferSize = 4096 };
        try
        {
            await tcp.ConnectAsync(url.Host, url.Port, stop);
            var stream = tcp.GetStream();
            var request = $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAccept: text/event-stream\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), stop);

            var seen = new StringBuilder();
            var buffer = new byte[512];
            while (!seen.ToString().Contains("retry:", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, stop);
                if (read == 0)
                {
                    return false;
                }

                seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            await Task.Delay(Timeout.Infinite, stop);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return tcp.Connected;
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }
}
