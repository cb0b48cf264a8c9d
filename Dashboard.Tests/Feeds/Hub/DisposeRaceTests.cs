using Dashboard.Tests.Shared;
using Feeds.Hub;
using Feeds.Options;

namespace Dashboard.Tests.Feeds.Hub;

/// <summary>A consumer that leaves while events flow has left; it has not fallen behind.</summary>
[Trait("Tier", "Unit")]
public sealed class DisposeRaceTests
{
    private const int Rounds = 100;

    // Fewer events in all than one queue holds: however long a round is descheduled on a loaded
    // machine, no queue can fill, so any drop counted is a leaving consumer miscounted.
    private const int TotalEvents = 300_000;

    [Fact]
    public async Task Dispose_WhilePublishing_NotCountedAsDropped()
    {
        using var feeds = HubFactory.Create(new FeedsOptions { Sse = { QueueCapacity = TotalEvents } });
        var publisher = Task.Run(async () =>
        {
            for (var i = 0; i < TotalEvents; i++)
            {
                await feeds.Hub.PublishAsync("race", "t", new { i });
            }
        });

        for (var round = 0; round < Rounds && !publisher.IsCompleted; round++)
        {
            var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("race"));
            await Task.WhenAny(subscription.Reader.WaitToReadAsync().AsTask(), publisher).WaitAsync(ChannelReaderExtensions.WaitLimit);
            subscription.Dispose();
            Assert.Equal(SubscriptionEndReason.Disposed, subscription.EndReason);
        }

        await publisher.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, feeds.Stats.Dropped);
        Assert.Equal(0, feeds.Hub.SubscriberCount);
    }
}
