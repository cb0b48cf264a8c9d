using System.Threading.Channels;
using Feeds.Hub;

namespace Dashboard.Tests.Feeds.Hub;

public sealed class ReplayThenLiveReaderTests
{
    private static FeedEvent Event(long id) => new(id, "t", "test", "{}", DateTimeOffset.UnixEpoch);

    [Fact]
    public void TryRead_ReplayOverlapsLive_GivesEachIdOnceInOrder()
    {
        var live = Channel.CreateUnbounded<FeedEvent>();
        live.Writer.TryWrite(Event(2));
        live.Writer.TryWrite(Event(3));
        live.Writer.TryWrite(Event(4));
        var reader = new ReplayThenLiveReader([Event(1), Event(2), Event(3)], live.Reader);

        var ids = new List<long>();
        while (reader.TryRead(out var item))
        {
            ids.Add(item.Id);
        }

        Assert.Equal([1L, 2L, 3L, 4L], ids);
    }

    [Fact]
    public void TryPeek_SkipsLiveDuplicatesAndDoesNotConsume()
    {
        var live = Channel.CreateUnbounded<FeedEvent>();
        live.Writer.TryWrite(Event(1));
        live.Writer.TryWrite(Event(2));
        var reader = new ReplayThenLiveReader([Event(1)], live.Reader);
        Assert.True(reader.TryRead(out _));

        Assert.True(reader.TryPeek(out var peeked));
        Assert.True(reader.TryRead(out var read));

        Assert.Equal(2, peeked.Id);
        Assert.Same(peeked, read);
    }

    [Fact]
    public async Task Completion_LiveDoneButReplayUnread_WaitsForTheReplay()
    {
        var live = Channel.CreateUnbounded<FeedEvent>();
        live.Writer.Complete();
        var reader = new ReplayThenLiveReader([Event(1), Event(2)], live.Reader);

        var completion = reader.Completion;
        Assert.False(completion.IsCompleted);
        while (reader.TryRead(out _))
        {
        }

        await completion.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
