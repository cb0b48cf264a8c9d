using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace Feeds.Hub;

/// <summary>
/// Reads the replayed events, then the live queue, skipping live events the replay already
/// gave: the subscriber was registered before history was read, so the two may overlap.
/// </summary>
internal sealed class ReplayThenLiveReader : ChannelReader<FeedEvent>
{
    private readonly IReadOnlyList<FeedEvent> _replay;
    private readonly ChannelReader<FeedEvent> _live;
    private readonly long _lastReplayedId;
    private readonly TaskCompletionSource _replayRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _completion;
    private int _next;

    public ReplayThenLiveReader(IReadOnlyList<FeedEvent> replay, ChannelReader<FeedEvent> live)
    {
        _replay = replay;
        _live = live;
        _lastReplayedId = replay.Count == 0 ? 0 : replay[^1].Id;
        if (replay.Count == 0)
        {
            _replayRead.SetResult();
        }
    }

    /// <summary>Done when the live queue is done and every replayed event has been read too.</summary>
    public override Task Completion => _completion ??= CompleteAsync();

    public override bool CanPeek => _live.CanPeek;

    public override bool TryRead([MaybeNullWhen(false)] out FeedEvent item)
    {
        if (_next < _replay.Count)
        {
            item = _replay[_next++];
            if (_next == _replay.Count)
            {
                _replayRead.TrySetResult();
            }

            return true;
        }

        while (_live.TryRead(out item))
        {
            if (item.Id > _lastReplayedId)
            {
                return true;
            }
        }

        return false;
    }

    public override bool TryPeek([MaybeNullWhen(false)] out FeedEvent item)
    {
        if (_next < _replay.Count)
        {
            item = _replay[_next];
            return true;
        }

        while (_live.TryPeek(out item))
        {
            if (item.Id > _lastReplayedId)
            {
                return true;
            }

            _live.TryRead(out _);
        }

        return false;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) =>
        _next < _replay.Count ? ValueTask.FromResult(true) : _live.WaitToReadAsync(cancellationToken);

    private async Task CompleteAsync()
    {
        await _replayRead.Task.ConfigureAwait(false);
        await _live.Completion.ConfigureAwait(false);
    }
}
