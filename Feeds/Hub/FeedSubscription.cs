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
    private readonly Channel<FeedEvent> _live;
    private readonly Action<FeedSubscription> _onDispose;
    private ReplayThenLiveReader _reader;
    private int _ended;

    internal FeedSubscription(TopicFilter filter, int queueCapacity, Action<FeedSubscription> onDispose)
    {
        Filter = filter;
        _onDispose = onDispose;
        _live = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _reader = new ReplayThenLiveReader([], _live.Reader);
    }

    public TopicFilter Filter { get; }

    /// <summary>The history read at subscribe time, or null when the consumer asked for live events only.</summary>
    public FeedHistory? Replay { get; private set; }

    /// <summary>Replay, then live events; completes when the subscription ends.</summary>
    public ChannelReader<FeedEvent> Reader => _reader;

    /// <summary>Why the subscription ended, or null while it runs.</summary>
    public SubscriptionEndReason? EndReason { get; private set; }

    internal void SetReplay(FeedHistory history)
    {
        Replay = history;
        _reader = new ReplayThenLiveReader(history.Events, _live.Reader);
    }

    /// <summary>Queues a live event without waiting. False when the queue was full and this offer ended the subscription.</summary>
    internal bool Offer(FeedEvent feedEvent)
    {
        if (_live.Writer.TryWrite(feedEvent))
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
        _live.Writer.TryComplete();
        return true;
    }

    public void Dispose()
    {
        End(SubscriptionEndReason.Disposed);
        _onDispose(this);
    }
}
