using Feeds.Hub;

namespace Feeds.Backplane;

/// <summary>
/// The listeners a backplane delivers to. Registration copies a small array (there is one listener
/// per hub); delivery reads the current array without a lock, so it never waits for a registration.
/// </summary>
internal sealed class BackplaneListeners
{
    private readonly Lock _gate = new();
    private Action<FeedEvent>[] _listeners = [];

    public IDisposable Add(Action<FeedEvent> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Registration(this, listener);
    }

    /// <summary>Calls every listener with <paramref name="feedEvent"/>; the caller keeps events in id order.</summary>
    public void Deliver(FeedEvent feedEvent)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            listener(feedEvent);
        }
    }

    private void Remove(Action<FeedEvent> listener)
    {
        lock (_gate)
        {
            _listeners = _listeners.Where(l => l != listener).ToArray();
        }
    }

    private sealed class Registration(BackplaneListeners owner, Action<FeedEvent> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(listener);
            }
        }
    }
}
