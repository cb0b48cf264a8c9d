using System.Net;
using System.Net.Sockets;
using System.Text;
using FeedLoad.Wire;

namespace FeedLoad;

/// <summary>
/// One SSE connection on a plain non-blocking socket, read by a <see cref="ReadinessLoop"/> until
/// the run ends. HttpClient and SseParser cost the client almost a core at 100,000 events/s on the
/// machine the server runs on; a plain GET, the loop's buffer and parsers that never allocate per
/// event leave that core to the server. Opening waits its turn at <paramref name="connectGate"/>,
/// so thousands of connections ramp up instead of all knocking at once.
/// </summary>
internal sealed class LoadConnection(Uri url, TimeProvider time, SemaphoreSlim connectGate, MeasureWindow window, ReadinessLoop loop)
    : IReadinessHandler
{
    // Far above any real response head; a server sending more is not one FeedLoad can measure.
    private const int MaxHeadLength = 16 * 1024;

    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ConnectionReport> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConnectionReport _report = new();
    private readonly SseReader _sse = new();
    private Socket? _socket;
    private bool _watched;
    private State _state;

    // The response head as it arrives; dropped once it is in.
    private GrowingBuffer? _head = new(512);
    private ResponseBody? _body;

    private enum State
    {
        Connecting,
        ReadingHead,
        ReadingBody,
        Ended,
    }

    /// <summary>Completes once the connection is open or has failed to open.</summary>
    public Task Opened => _opened.Task;

    /// <summary>Opens the stream and completes when it ends or the run does; the report is final then.</summary>
    public async Task<ConnectionReport> RunAsync(CancellationToken stop)
    {
        await connectGate.WaitAsync(stop);
        try
        {
            var address = IPAddress.TryParse(url.Host, out var literal) ? literal : (await Dns.GetHostAddressesAsync(url.DnsSafeHost, stop))[0];
            _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false, NoDelay = true };
            try
            {
                _socket.Connect(address, url.Port);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                // Connecting: the socket turns writable once connected (or failed).
            }

            // Set first: from here on the loop's thread may end the connection, and must then unwatch it.
            _watched = true;
            if (!loop.TryAdd(_socket, this, Epoll.Out | Epoll.In | Epoll.RdHup))
            {
                _watched = false;
                FailOpening("the run ended before the connection opened");
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or InvalidOperationException)
        {
            _watched = false;
            FailOpening(ex.Message);
        }

        return await _ended.Task;
    }

    public void OnReady(Span<byte> buffer)
    {
        if (_state == State.Ended)
        {
            return;
        }

        var socket = _socket!;
        try
        {
            if (_state == State.Connecting)
            {
                SendRequest(socket);
                return;
            }

            // Level-triggered: a read that leaves data behind is reported again at the loop's next wait.
            var received = socket.Receive(buffer, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                return;
            }

            if (error != SocketError.Success)
            {
                throw new SocketException((int)error);
            }

            Consume(buffer[..received]);
        }
        catch (Exception ex) when (ex is SocketException or InvalidDataException)
        {
            if (_state == State.ReadingBody)
            {
                End(ex.Message);
            }
            else
            {
                FailOpening(ex.Message);
            }
        }
    }

    public void OnStopped()
    {
        if (_state == State.ReadingBody)
        {
            // The run is over with the stream still open, as it should be: not a disconnect.
            End(null);
        }
        else if (_state != State.Ended)
        {
            FailOpening("the run ended before the response headers");
        }
    }

    private void Consume(ReadOnlySpan<byte> received)
    {
        if (_state == State.ReadingHead)
        {
            ReadHead(received);
        }
        else if (received.IsEmpty)
        {
            End(_body!.EndsAtClose ? "the server ended the response" : "the server closed the connection before the response's end");
        }
        else if (Read(received))
        {
            End("the server ended the response");
        }
    }

    private void SendRequest(Socket socket)
    {
        // Writable: connected, or failed to, in which case the send reports why. A new
        // connection's send buffer takes the whole request at once.
        var request = Encoding.ASCII.GetBytes($"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAccept: text/event-stream\r\n\r\n");
        var sent = socket.Send(request, SocketFlags.None, out var error);
        if (error != SocketError.Success)
        {
            throw new SocketException((int)error);
        }

        if (sent != request.Length)
        {
            FailOpening($"the request went out short: {sent} of {request.Length} bytes");
            return;
        }

        _state = State.ReadingHead;
        loop.Change(socket, Epoll.In | Epoll.RdHup);
    }

    private void ReadHead(ReadOnlySpan<byte> received)
    {
        if (received.IsEmpty)
        {
            FailOpening("the server closed the connection before the response headers");
            return;
        }

        var head = _head!;
        head.Append(received);
        if (!ResponseHead.TryParse(head.Written, out var response, out var length))
        {
            if (head.Length > MaxHeadLength)
            {
                throw new InvalidDataException($"response headers longer than {MaxHeadLength} bytes");
            }

            return;
        }

        if (response.StatusCode != 200 || response.MediaType != "text/event-stream")
        {
            FailOpening($"{response.StatusCode} {response.ReasonPhrase}, {response.MediaType}");
            return;
        }

        _report.Connected = true;
        _state = State.ReadingBody;
        _body = new ResponseBody(response);
        _head = null;
        SignalOpened();

        // The body may have begun in the same read as the head ended.
        if (Read(head.Written[length..]))
        {
            End("the server ended the response");
        }
    }

    /// <summary>Records every event completed by <paramref name="received"/>; true once the response is over.</summary>
    private bool Read(ReadOnlySpan<byte> received)
    {
        // One clock read per receive: the events in it arrived together.
        var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;
        var counted = window.Contains(now);
        while (_body!.TryRead(ref received, out var payload))
        {
            while (_sse.TryRead(ref payload, out var item))
            {
                _report.Record(item.Type, item.Id, EventData.Parse(item.Data), now, counted);
            }
        }

        return _body.IsComplete;
    }

    private void FailOpening(string error)
    {
        _report.ConnectError = error;
        End(null);
    }

    private void End(string? disconnected)
    {
        if (_state == State.Ended)
        {
            return;
        }

        if (_state == State.ReadingBody)
        {
            _report.Disconnected = disconnected;
        }

        if (_watched)
        {
            loop.Remove(_socket!);
        }

        _socket?.Dispose();
        _state = State.Ended;
        SignalOpened();
        _ended.TrySetResult(_report);
    }

    private void SignalOpened()
    {
        if (_opened.TrySetResult())
        {
            connectGate.Release();
        }
    }
}
