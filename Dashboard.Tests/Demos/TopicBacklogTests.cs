using Dashboard.Demos;
using Dashboard.Tests.Shared;
using Feeds.Hub;

namespace Dashboard.Tests.Demos;

/// <summary>The id a demo page resumes its stream after: nothing published between the page's render and its stream opening is lost.</summary>
[Trait("Tier", "Unit")]
public sealed class TopicBacklogTests
{
    [Fact]
    public async Task StartAsync_TopicWithNothingKept_ResumingThereGetsWhatIsPublishedNext()
    {
        // Arrange: the page renders while the room is empty.
        using var feeds = HubFactory.Create();
        var start = await new TopicBacklog(feeds.Hub).StartAsync("chat/lobby", 20);

        // Act: a message comes before the page's stream opens, which then resumes after the id it was given.
        var published = await feeds.Hub.PublishAsync("chat/lobby", "chat", new { text = "between render and open" });
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("chat/lobby"), start);

        // Assert
        Assert.True(subscription.Reader.TryRead(out var first), "The message published before the stream opened was lost.");
        Assert.Equal(published.Id, first.Id);
    }

    [Fact]
    public async Task StartAsync_MoreKeptThanAsked_ResumesBeforeTheLastCount()
    {
        using var feeds = HubFactory.Create();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await feeds.Hub.PublishAsync("chat/lobby", "chat", new { i })).Id);
        }

        var start = await new TopicBacklog(feeds.Hub).StartAsync("chat/lobby", 2);

        Assert.Equal(ids[2], start);
    }
}
