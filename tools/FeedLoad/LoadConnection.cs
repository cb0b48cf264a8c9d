using System.Net;
using System.Net.Sockets;
using System.Text;
using FeedLoad.Wire;

namespace FeedLoad;

/// <summary>
/// One SSE connection, read straight off a socket until the run ends. HttpClient and SseParser
/// cost the client almost a core at 100,000 events/s on the machine the server runs on; a plain
/// GET, one buffer and parsers that never allocate per event leave that core to the server.
/// Opening waits its turn at <paramref name="connectGate"/>, so thousands of connections ramp up
/// instead of all knocking at once.
/// </summary>
internal sealed class LoadConnection(Uri url, TimeProvider time, SemaphoreSlim connectGate, MeasureWindow window)
{
    // Far more than one event (about 250 bytes, each arriving on its own) or a response head.
    private const int BufferSize = 16 * 1024;

    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the connection is open or has failed to open.</summary>
    public Task Opened => _opened.Task;

    public async Task<ConnectionReport> RunAsync(CancellationToken stop)
    {
        var report = new ConnectionReport();
        var buffer = new byte[BufferSize];
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

        // Closing the socket ends a receive pending at the end of the run: one registration per
        // connection instead of a cancellation token passed to (and registered at) every read.
        using var closeAtStop = stop.Register(static s => ((Socket)s!).Dispose(), socket);
        ResponseHead head;
        int bodyStart, received;
        await connectGate.WaitAsync(stop);
        try
        {
            (head, bodyStart, received) = await OpenAsync(socket, buffer, stop);
        }
        catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException or OperationCanceledException
            || (ex is ObjectDisposedException && stop.IsCancellationRequested))
        {
            report.ConnectError = ex.Message;
            return report;
        }
        finally
        {
            connectGate.Release();
            _opened.TrySetResult();
        }

        if (head.StatusCode != 200 || head.MediaType != "text/event-stream")
        {
            report.ConnectError = $"{head.StatusCode} {head.ReasonPhrase}, {head.MediaType}";
            return report;
        }

        report.Connected = true;
        try
        {
            report.Disconnected = await ReadEventsAsync(socket, buffer, new ResponseBody(head), bodyStart, received, report);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // The socket was closed under a pending receive because the run is over.
        }
        catch (Exception ex) when (ex is SocketException or InvalidDataException)
        {
            report.Disconnected = ex.Message;
        }

        return report;
    }

    /// <summary>Connects, sends the GET, and reads until the response head is in; the body may have begun after it.</summary>
    private async Task<(ResponseHead Head, int BodyStart, int Received)> OpenAsync(Socket socket, byte[] buffer, CancellationToken stop)
    {
        EndPoint endPoint = IPAddress.TryParse(url.Host, out var address) ? new IPEndPoint(address, url.Port) : new DnsEndPoint(url.DnsSafeHost, url.Port);
        await socket.ConnectAsync(endPoint, stop);
        var request = $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAccept: text/event-stream\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, stop);

        var received = 0;
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, stop);
            if (read == 0)
            {
                throw new IOException("the server closed the connection before the response headers");
            }

            received += read;
            if (ResponseHead.TryParse(buffer.AsSpan(0, received), out var head, out var length))
            {
                return (head, length, received);
            }

            if (received == buffer.Length)
            {
                throw new InvalidDataException($"response headers longer than {buffer.Length} bytes");
            }
        }
    }

    /// <summary>Reads events until the response or the connection ends, and says which.</summary>
    private async Task<string> ReadEventsAsync(Socket socket, byte[] buffer, ResponseBody body, int start, int end, ConnectionReport report)
    {
        var sse = new SseReader();
        while (!Read(buffer.AsSpan(start, end - start), body, sse, report))
        {
            start = 0;
            // The Memory overload: a byte[] binds to the ArraySegment one, which makes a Task per read.
            end = await socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None);
            if (end == 0)
            {
                return body.EndsAtClose ? "the server ended the response" : "the server closed the connection before the response's end";
            }
        }

        return "the server ended the response";
    }

    /// <summary>Records every event completed by <paramref name="received"/>; true once the response is over.</summary>
    private bool Read(ReadOnlySpan<byte> received, ResponseBody body, SseReader sse, ConnectionReport report)
    {
        // One clock read per receive: the events in it arrived together.
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;
        var counted = window.Contains(now);
        while (body.TryRead(ref received, out var payload))
        {
            while (sse.TryRead(ref payload, out var item))
            {
                report.Record(item.Type, item.Id, EventData.Parse(item.Data), now, counted);
            }
        }

        return body.IsComplete;
    }
}
