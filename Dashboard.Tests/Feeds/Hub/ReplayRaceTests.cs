using Dashboard.Tests.Shared;
using Feeds.Hub;
using Xunit.Abstractions;

namespace Dashboard.Tests.Feeds.Hub;

/// <summary>
/// Subscribing with a last id while a producer publishes: every matching event after that id is
/// read once, in order, whether it reached the subscriber through history, live, or both.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class ReplayRaceTests(ITestOutputHelper output)
{
    private const int PublishedBefore = 40;
    private const int PublishedDuring = 300;

    // Rounds go on until enough of them had the publisher publish while SubscribeAsync ran (the
    // window the hub has to get right), so a loaded machine runs more rounds instead of proving nothing.
    private const int MinRounds = 100;
    private const int MaxRounds = 3000;
    private const int WantedOverlaps = 25;

    [Fact]
    public async Task SubscribeAsync_AfterIdWhilePublishing_NoGapNoDuplicate()
    {
        var rounds = 0;
        var overlaps = 0;
        while (rounds < MinRounds || (overlaps < WantedOverlaps && rounds < MaxRounds))
        {
            if (await RaceOnceAsync(rounds++))
            {
                overlaps++;
            }
        }

        output.WriteLine($"{rounds} rounds, {overlaps} with events published while subscribing");
        Assert.True(overlaps > 0, $"In {rounds} rounds the publisher never published while SubscribeAsync ran.");
    }

    /// <summary>One race; true when the publisher published while SubscribeAsync was running.</summary>
    private static async Task<bool> RaceOnceAsync(int round)
    {
        using var feeds = HubFactory.Create();
        var matching = new List<long>();
        for (var i = 0; i < PublishedBefore; i++)
        {
            var published = await feeds.Hub.PublishAsync(i % 3 == 0 ? "other" : "race/a", "t", new { i });
            if (published.Topic != "other")
            {
                matching.Add(published.Id);
            }
        }

        var afterId = matching[round % matching.Count];
        var publishedCount = 0;
        var publisher = Task.Run(async () =>
        {
            var ids = new List<long>();
            for (var i = 0; i < PublishedDuring; i++)
            {
                var published = await feeds.Hub.PublishAsync(i % 3 == 0 ? "other" : i % 3 == 1 ? "race/a" : "race/b", "t", new { i });
                if (published.Topic != "other")
                {
                    ids.Add(published.Id);
                }

                Volatile.Write(ref publishedCount, i + 1);

                // Stretch the run, so the subscriber has a chance to land in it even on a busy machine.
                if (i % 8 == 0)
                {
                    await Task.Yield();
                }
            }

            return ids;
        });

        // Join once the publisher is under way, at a point that varies from round to round.
        var spin = new SpinWait();
        while (Volatile.Read(ref publishedCount) < 1 + (round % 50) && !publisher.IsCompleted)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        var before = Volatile.Read(ref publishedCount);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("race/*"), afterId);
        var overlapped = Volatile.Read(ref publishedCount) > before;
        matching.AddRange(await publisher);

        var expected = matching.Where(id => id > afterId).ToList();
        var received = await subscription.Reader.NextAsync(expected.Count);

        Assert.Equal(expected, received.Select(e => e.Id));
        Assert.Empty(subscription.Reader.Drain());
        Assert.True(subscription.Replay!.Complete);
        return overlapped;
    }
}
