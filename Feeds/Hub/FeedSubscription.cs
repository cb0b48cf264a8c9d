using System.Threading.Channels;
using Feeds.Backplane;

namespace Feeds.Hub;

/// <summary>
/// One consumer's view of the hub: the replayed history first, then live events, each once and in
/// id order. Its queue is bounded; when the consumer falls that far behind, the subscription ends
/// with <see cref="SubscriptionEndReason.Overflow"/> and the consumer resumes from its last id.
/// </summary>
public sealed class FeedSubscription : IDisposable
{
    private readonly SubscriptionQueue _queue;
    private readonly Action<FeedSubscription> _onDispose;
    private int _ended;
    private Action<object>? _onDropped;
    private object? _onDroppedState;

    internal FeedSubscription(TopicFilter filter, int queueCapacity, Action<FeedSubscription> onDispose)
    {
        Filter = filter;
        _onDispose = onDispose;
        _queue = new SubscriptionQueue(queueCapacity);
    }

    public TopicFilter Filter { get; }

    /// <summary>The history read at subscribe time, or null when the consumer asked for live events only.</summary>
    public FeedHistory? Replay { get; private set; }

    /// <summary>Replay, then live events; completes when the subscription ends.</summary>
    public ChannelReader<FeedEvent> Reader => _queue;

    /// <summary>Why the subscription ended, or null while it runs.</summary>
    public SubscriptionEndReason? EndReason { get; private set; }

    internal void SetReplay(FeedHistory history)
    {
        Replay = history;
        _queue.SetReplay(history.Events);
    }

    /// <summary>
    /// Ends the reader's current wait (or its next) as if an event had come: for a transport that
    /// also waits for a heartbeat's timer or the app stopping, and checks those when it wakes.
    /// </summary>
    internal void Interrupt() => _queue.Interrupt();

    /// <summary>
    /// Runs <paramref name="callback"/> once when the hub drops this subscription as too slow, or at
    /// once if it already has. It runs on the hub's delivery thread: it must only hand work off.
    /// One callback per subscription, for the transport that owns the connection.
    /// </summary>
    internal void OnDropped(Action<object> callback, object state)
    {
        _onDroppedState = state;
        Interlocked.Exchange(ref _onDropped, callback);
        if (EndReason == SubscriptionEndReason.Overflow)
        {
            RunOnDropped();
        }
    }

    /// <summary>Queues a live event without waiting. False when the queue was full and this offer ended the subscription.</summary>
    internal bool Offer(FeedEvent feedEvent)
    {
        if (_queue.TryWrite(feedEvent))
        {
            return true;
        }

        // TryWrite also fails once the subscription has ended, and the hub may still deliver to it
        // for a moment after Dispose: that consumer left, it did not fall behind.
        return !End(SubscriptionEndReason.Overflow);
    }

    /// <summary>Ends the subscription; true when this call ended it, false when it had already ended.</summary>
    internal bool End(SubscriptionEndReason reason)
    {
        if (Interlocked.CompareExchange(ref _ended, 1, 0) != 0)
        {
            return false;
        }

        EndReason = reason;
        _queue.Complete();
        if (reason == SubscriptionEndReason.Overflow)
        {
            RunOnDropped();
        }

        return true;
    }

    // Both sides set their part, then look at the other's (the exchanges are full fences): whichever
    // comes second runs the callback, and the exchange makes sure only one of them does.
    private void RunOnDropped()
    {
        if (Interlocked.Exchange(ref _onDropped, null) is { } callback)
        {
            callback(_onDroppedState!);
        }
    }

    public void Dispose()
    {
        End(SubscriptionEndReason.Disposed);
        _onDispose(this);
    }
}
