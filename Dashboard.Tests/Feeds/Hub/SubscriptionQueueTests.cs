using Feeds.Hub;

namespace Dashboard.Tests.Feeds.Hub;

[Trait("Tier", "Unit")]
public sealed class SubscriptionQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static FeedEvent Event(long id) => new(id, "t", "test", "{}", DateTimeOffset.UnixEpoch);

    private static List<long> Drain(SubscriptionQueue queue)
    {
        var ids = new List<long>();
        while (queue.TryRead(out var item))
        {
            ids.Add(item.Id);
        }

        return ids;
    }

    [Fact]
    public void TryRead_ReplayOverlapsLive_GivesEachIdOnceInOrder()
    {
        var queue = new SubscriptionQueue(16);
        queue.TryWrite(Event(2));
        queue.TryWrite(Event(3));
        queue.TryWrite(Event(4));
        queue.SetReplay([Event(1), Event(2), Event(3)]);

        Assert.Equal([1L, 2L, 3L, 4L], Drain(queue));
    }

    [Fact]
    public void TryPeek_SkipsLiveDuplicatesAndDoesNotConsume()
    {
        var queue = new SubscriptionQueue(16);
        queue.TryWrite(Event(1));
        queue.TryWrite(Event(2));
        queue.SetReplay([Event(1)]);
        Assert.True(queue.TryRead(out _));

        Assert.True(queue.TryPeek(out var peeked));
        Assert.True(queue.TryRead(out var read));

        Assert.Equal(2, peeked.Id);
        Assert.Same(peeked, read);
    }

    [Fact]
    public async Task Completion_LiveDoneButReplayUnread_WaitsForTheReplay()
    {
        var queue = new SubscriptionQueue(16);
        queue.SetReplay([Event(1), Event(2)]);
        queue.Complete();

        var completion = queue.Completion;
        Assert.False(completion.IsCompleted);
        Drain(queue);

        await completion.WaitAsync(Patience);
    }

    [Fact]
    public void TryWrite_Full_RefusesUntilTheReaderTakesOne()
    {
        var queue = new SubscriptionQueue(3);
        Assert.True(queue.TryWrite(Event(1)));
        Assert.True(queue.TryWrite(Event(2)));
        Assert.True(queue.TryWrite(Event(3)));

        Assert.False(queue.TryWrite(Event(4)));
        Assert.True(queue.TryRead(out _));
        Assert.True(queue.TryWrite(Event(4)));
        Assert.Equal([2L, 3L, 4L], Drain(queue));
    }

    [Fact]
    public void TryWrite_GrowsWhileWrappedAround_KeepsOrder()
    {
        var queue = new SubscriptionQueue(100);
        var expected = new List<long>();
        var next = 1L;

        // Read some between writes so the ring's head moves before each growth.
        for (var round = 0; round < 6; round++)
        {
            for (var i = 0; i < 5 + round * 3; i++)
            {
                Assert.True(queue.TryWrite(Event(next)));
                expected.Add(next++);
            }

            Assert.True(queue.TryRead(out var first));
            Assert.Equal(expected[0], first.Id);
            expected.RemoveAt(0);
        }

        Assert.Equal(expected, Drain(queue));
    }

    [Fact]
    public void TryWrite_AfterComplete_IsRefused()
    {
        var queue = new SubscriptionQueue(4);
        queue.Complete();

        Assert.False(queue.TryWrite(Event(1)));
    }

    [Fact]
    public async Task WaitToReadAsync_Waiting_AnEventWakesIt()
    {
        var queue = new SubscriptionQueue(4);
        var waiting = queue.WaitToReadAsync().AsTask();
        Assert.False(waiting.IsCompleted);

        queue.TryWrite(Event(1));

        Assert.True(await waiting.WaitAsync(Patience));
        Assert.Equal([1L], Drain(queue));
    }

    [Fact]
    public async Task WaitToReadAsync_Waiting_CompleteEndsItWithFalse()
    {
        var queue = new SubscriptionQueue(4);
        var waiting = queue.WaitToReadAsync().AsTask();

        queue.Complete();

        Assert.False(await waiting.WaitAsync(Patience));
        await queue.Completion.WaitAsync(Patience);
    }

    [Fact]
    public async Task WaitToReadAsync_Completed_TrueUntilDrainedThenFalse()
    {
        var queue = new SubscriptionQueue(4);
        queue.TryWrite(Event(1));
        queue.Complete();

        Assert.True(await queue.WaitToReadAsync());
        Assert.False(queue.Completion.IsCompleted);
        Drain(queue);
        Assert.False(await queue.WaitToReadAsync());
        Assert.True(queue.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Interrupt_BeforeTheWait_IsNotLost()
    {
        var queue = new SubscriptionQueue(4);

        queue.Interrupt();

        Assert.True(await queue.WaitToReadAsync().AsTask().WaitAsync(Patience));
        Assert.False(queue.TryRead(out _));
        Assert.False(queue.WaitToReadAsync().IsCompleted);
    }

    [Fact]
    public async Task Interrupt_Waiting_WakesItWithNothingToRead()
    {
        var queue = new SubscriptionQueue(4);
        var waiting = queue.WaitToReadAsync().AsTask();

        queue.Interrupt();

        Assert.True(await waiting.WaitAsync(Patience));
        Assert.False(queue.TryRead(out _));
    }

    [Fact]
    public async Task WaitToReadAsync_Cancelled_ThrowsAndTheNextWaitStillGetsEvents()
    {
        var queue = new SubscriptionQueue(4);
        using var cancel = new CancellationTokenSource();
        var waiting = queue.WaitToReadAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        var next = queue.WaitToReadAsync().AsTask();
        queue.TryWrite(Event(1));
        Assert.True(await next.WaitAsync(Patience));
    }

    [Fact]
    public async Task WaitToReadAsync_WokenByAnEvent_ItsTokenNoLongerCancelsTheNextWait()
    {
        var queue = new SubscriptionQueue(4);
        using var cancel = new CancellationTokenSource();
        var first = queue.WaitToReadAsync(cancel.Token).AsTask();
        queue.TryWrite(Event(1));
        Assert.True(await first.WaitAsync(Patience));
        Drain(queue);

        var second = queue.WaitToReadAsync().AsTask();
        await cancel.CancelAsync();
        queue.TryWrite(Event(2));

        Assert.True(await second.WaitAsync(Patience));
        Assert.Equal([2L], Drain(queue));
    }

    [Fact]
    public async Task ReadAllAsync_WriterOnAnotherThread_GetsEveryEventInOrder()
    {
        const int Count = 20_000;
        var queue = new SubscriptionQueue(Count);
        var writer = Task.Run(() =>
        {
            for (var id = 1L; id <= Count; id++)
            {
                Assert.True(queue.TryWrite(Event(id)));
            }

            queue.Complete();
        });

        var ids = new List<long>();
        await foreach (var item in queue.ReadAllAsync().WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            ids.Add(item.Id);
        }

        await writer;
        Assert.Equal(Enumerable.Range(1, Count).Select(i => (long)i), ids);
    }
}
