using System.Threading.Channels;

namespace Feeds.Hub;

/// <summary>
/// Reads the replayed events, then the live queue, skipping live events the replay already
/// gave: the subscriber was registered before history was read, so the two may overlap.
/// </summary>
internal sealed class ReplayThenLiveReader(IReadOnlyList<FeedEvent> replay, ChannelReader<FeedEvent> live) : ChannelReader<FeedEvent>
{
    private readonly long _lastReplayedId = replay.Count == 0 ? 0 : replay[^1].Id;
    private int _next;

    public override Task Completion => live.Completion;

    public override bool TryRead(out FeedEvent item)
    {
        if (_next < replay.Count)
        {
            item = replay[_next++];
            return true;
        }

        while (live.TryRead(out item!))
        {
            if (item.Id > _lastReplayedId)
            {
                return true;
            }
        }

        return false;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
        _next < replay.Count ? ValueTask.FromResult(true) : live.WaitToReadAsync(cancellationToken);
}
