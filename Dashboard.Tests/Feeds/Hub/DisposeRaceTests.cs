using Dashboard.Tests.Shared;
using Feeds.Hub;
using Feeds.Options;

namespace Dashboard.Tests.Feeds.Hub;

/// <summary>A consumer that leaves while events flow has left; it has not fallen behind.</summary>
public sealed class DisposeRaceTests
{
    private const int Rounds = 100;

    [Fact]
    public async Task Dispose_WhilePublishing_NotCountedAsDropped()
    {
        // A queue no round can fill: this is about leaving, not about being slow.
        using var feeds = HubFactory.Create(new FeedsOptions { Sse = { QueueCapacity = 1_000_000 } });
        using var stop = new CancellationTokenSource();
        var publisher = Task.Run(async () =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                await feeds.Hub.PublishAsync("race", "t", new { i = i++ });
            }
        });

        for (var round = 0; round < Rounds; round++)
        {
            var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("race"));
            await subscription.Reader.NextAsync();
            subscription.Dispose();
            Assert.Equal(SubscriptionEndReason.Disposed, subscription.EndReason);
        }

        await stop.CancelAsync();
        await publisher.WaitAsync(ChannelReaderExtensions.WaitLimit);

        Assert.Equal(0, feeds.Stats.Dropped);
        Assert.Equal(0, feeds.Hub.SubscriberCount);
    }
}
