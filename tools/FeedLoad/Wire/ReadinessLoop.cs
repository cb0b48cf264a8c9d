using System.Collections.Concurrent;
using System.Net.Sockets;

namespace FeedLoad.Wire;

/// <summary>
/// One thread waiting on one epoll set for its share of the connections, each read right there
/// when its socket is ready: no async state machine, no thread-pool hand-off and one receive
/// buffer for all of them. Sockets it watches are non-blocking and never used with the async
/// Socket methods, so the runtime's own epoll thread never hears of them.
/// </summary>
internal sealed class ReadinessLoop
{
    // How soon the loop notices the run's end; the sockets themselves wake it as soon as data comes.
    private const int WaitMs = 50;

    // One read takes whatever the socket holds up to this; an event is about 250 bytes.
    private const int BufferSize = 16 * 1024;

    private readonly int _epoll = Epoll.Create();
    private readonly ConcurrentDictionary<int, IReadinessHandler> _handlers = new();
    private readonly Lock _lock = new();
    private readonly CancellationToken _stop;
    private bool _stopped;

    public ReadinessLoop(CancellationToken stop)
    {
        _stop = stop;
        new Thread(Run) { IsBackground = true, Name = "FeedLoad epoll" }.Start();
    }

    /// <summary>Starts watching <paramref name="socket"/> for <paramref name="events"/>; false when the loop has already stopped.</summary>
    /// <exception cref="InvalidOperationException">epoll refused the socket (e.g. its watch limit).</exception>
    public bool TryAdd(Socket socket, IReadinessHandler handler, uint events)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return false;
            }

            var fd = Fd(socket);
            _handlers[fd] = handler;
            try
            {
                Control(Epoll.Add, fd, events);
            }
            catch (InvalidOperationException)
            {
                _handlers.TryRemove(fd, out _);
                throw;
            }

            return true;
        }
    }

    /// <summary>Watches <paramref name="socket"/> for other events; only from the loop's thread.</summary>
    public void Change(Socket socket, uint events) => Control(Epoll.Modify, Fd(socket), events);

    /// <summary>Stops watching <paramref name="socket"/>, before it is closed (its number may then be reused); only from the loop's thread.</summary>
    public void Remove(Socket socket)
    {
        if (_stopped)
        {
            // The set is closed, and the sockets are all being let go.
            return;
        }

        var fd = Fd(socket);
        Control(Epoll.Delete, fd, 0);
        _handlers.TryRemove(fd, out _);
    }

    private void Run()
    {
        var ready = new Epoll.Event[256];
        var buffer = new byte[BufferSize];
        while (!_stop.IsCancellationRequested)
        {
            var count = Epoll.Wait(_epoll, ready, WaitMs);
            for (var i = 0; i < count; i++)
            {
                if (_handlers.TryGetValue((int)ready[i].Data, out var handler))
                {
                    handler.OnReady(buffer);
                }
            }
        }

        lock (_lock)
        {
            _stopped = true;
        }

        foreach (var handler in _handlers.Values)
        {
            handler.OnStopped();
        }

        Epoll.Close(_epoll);
    }

    private void Control(int operation, int fd, uint events)
    {
        var error = Epoll.Control(_epoll, operation, fd, events, fd);
        if (error != 0)
        {
            throw new InvalidOperationException($"epoll_ctl({operation}) on socket {fd} failed: errno {error}");
        }
    }

    private static int Fd(Socket socket) => (int)socket.Handle;
}
