using Feeds.Client;

namespace Dashboard.Relay;

/// <summary>
/// One upstream stream (a topic or a prefix such as <c>ticker/*</c>) shared by every circuit in
/// the process, with a window of recent events per topic so a component that appears now can
/// draw the last minutes at once.
/// </summary>
public sealed class RelayFeed
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TopicWindow> _windows = new(StringComparer.Ordinal);
    private readonly TimeSpan _span;
    private readonly TimeSpan _detail;
    private readonly int _maxEvents;
    private IRelayListener[] _listeners = [];

    /// <param name="pattern">The topic or prefix.</param>
    /// <param name="span">How far back each topic's window reaches.</param>
    /// <param name="maxEvents">A bound on each topic's window.</param>
    /// <param name="detail">The newest part of the window that keeps every event; older ones are thinned. Null: all of it.</param>
    internal RelayFeed(string pattern, TimeSpan span, int maxEvents, TimeSpan? detail = null)
    {
        Pattern = pattern;
        _span = span;
        _detail = detail is { } d && d < span ? d : span;
        _maxEvents = maxEvents;
    }

    /// <summary>The topic or prefix this feed streams.</summary>
    public string Pattern { get; }

    public FeedConnectionState State { get; private set; } = FeedConnectionState.Connecting;

    /// <summary>Events received from upstream since the process started.</summary>
    public long Received { get; private set; }

    /// <summary>How many events the windows hold now, all topics together: what the relay's memory grows with.</summary>
    public int WindowedEvents
    {
        get
        {
            lock (_gate)
            {
                return _windows.Values.Sum(window => window.Count);
            }
        }
    }
    /// <summary>Listeners subscribed now: the relay's own, and one per live component on this feed in this process.</summary>
    internal int ListenerCount => Volatile.Read(ref _listeners).Length;

    /// <summary>The kept events of every topic now.</summary>
    public RelaySnapshot Snapshot()
    {
        lock (_gate)
        {
            return TakeSnapshot();
        }
    }

    /// <summary>
    /// Adds a listener and returns the windows as they were at that instant, atomically: every
    /// event is either in the snapshot or delivered to the listener, never both, never neither.
    /// Dispose the result to remove the listener.
    /// </summary>
    public IDisposable Subscribe(IRelayListener listener, out RelaySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
            snapshot = TakeSnapshot();
        }

        return new Subscription(this, listener);
    }

    private RelaySnapshot TakeSnapshot() =>
        new(_windows.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<FeedMessage>)pair.Value.ToArray(), StringComparer.Ordinal));

    internal void Publish(FeedMessage message)
    {
        IRelayListener[] listeners;
        lock (_gate)
        {
            if (!_windows.TryGetValue(message.Topic, out var window))
            {
                window = new TopicWindow(_span, _maxEvents, _detail);
                _windows.Add(message.Topic, window);
            }

            window.Add(message);
            Received++;
            listeners = _listeners;
        }

        foreach (var listener in listeners)
        {
            listener.OnMessage(message);
        }
    }

    internal void Reset()
    {
        IRelayListener[] listeners;
        lock (_gate)
        {
            _windows.Clear();
            listeners = _listeners;
        }

        foreach (var listener in listeners)
        {
            listener.OnReset();
        }
    }

    internal void SetState(FeedConnectionState state)
    {
        IRelayListener[] listeners;
        lock (_gate)
        {
            if (State == state)
            {
                return;
            }

            State = state;
            listeners = _listeners;
        }

        foreach (var listener in listeners)
        {
            listener.OnStateChanged(state);
        }
    }

    private void Remove(IRelayListener listener)
    {
        lock (_gate)
        {
            _listeners = _listeners.Where(l => l != listener).ToArray();
        }
    }

    private sealed class Subscription(RelayFeed feed, IRelayListener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Remove(listener);
            }
        }
    }
}
