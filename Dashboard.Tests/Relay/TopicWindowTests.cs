using System.Text.Json;
using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Tests.Relay;

[Trait("Tier", "Unit")]
public sealed class TopicWindowTests
{
    private static readonly JsonElement Data = JsonSerializer.SerializeToElement(new { last = 1 });

    [Fact]
    public void Add_EventsOlderThanTheSpan_AreDropped()
    {
        var window = new TopicWindow(TimeSpan.FromSeconds(60), maxEvents: 1000, detail: TimeSpan.FromSeconds(60));

        AddEvery(window, TimeSpan.FromSeconds(10), count: 10);

        // The newest is at 90 s: the window reaches back to 30 s.
        Assert.Equal([30_000L, 40_000, 50_000, 60_000, 70_000, 80_000, 90_000], window.ToArray().Select(m => m.Ts));
        Assert.Equal(7, window.Count);
    }

    [Fact]
    public void Add_MoreThanMaxEvents_KeepsTheNewest()
    {
        var window = new TopicWindow(TimeSpan.FromHours(1), maxEvents: 3, detail: TimeSpan.FromHours(1));

        AddEvery(window, TimeSpan.FromMilliseconds(100), count: 5);

        Assert.Equal([3L, 4, 5], window.ToArray().Select(m => m.Id));
        Assert.Equal(5, window.Latest?.Id);
    }

    [Fact]
    public void Add_EventsOlderThanTheDetailSpan_ThinnedToOnePerCoarseSpacing()
    {
        var window = new TopicWindow(TimeSpan.FromHours(1), maxEvents: 100_000, detail: TimeSpan.FromSeconds(10));

        // Two a second for a minute: 0 s .. 60 s.
        AddEvery(window, TimeSpan.FromMilliseconds(500), count: 121);

        var kept = window.ToArray().Select(m => m.Ts).ToList();
        var coarse = Enumerable.Range(0, 25).Select(i => i * (long)TopicWindow.CoarseSpacing.TotalMilliseconds);
        var detail = Enumerable.Range(0, 21).Select(i => 50_000L + (i * 500));
        Assert.Equal(coarse.Concat(detail), kept);
        Assert.Equal(60_000, window.Latest?.Ts);
    }

    [Fact]
    public void Add_ThinnedPartOlderThanTheSpan_IsDroppedToo()
    {
        var window = new TopicWindow(TimeSpan.FromSeconds(30), maxEvents: 100_000, detail: TimeSpan.FromSeconds(10));

        AddEvery(window, TimeSpan.FromSeconds(1), count: 61);

        // 30 s .. 48 s thinned to every 2 s, then every event of the newest 10 s.
        var kept = window.ToArray().Select(m => m.Ts);
        var coarse = Enumerable.Range(0, 10).Select(i => 30_000L + (i * 2_000));
        var detail = Enumerable.Range(50, 11).Select(s => s * 1_000L);
        Assert.Equal(coarse.Concat(detail), kept);
    }

    [Fact]
    public void Add_CountBoundWithAThinnedPart_DropsTheOldestThinnedFirst()
    {
        var window = new TopicWindow(TimeSpan.FromHours(1), maxEvents: 12, detail: TimeSpan.FromSeconds(5));

        AddEvery(window, TimeSpan.FromSeconds(1), count: 31);

        // Newest 5 s whole (25 s .. 30 s: six events), then the newest thinned ones to make twelve.
        var kept = window.ToArray().Select(m => m.Ts);
        Assert.Equal([14_000L, 16_000, 18_000, 20_000, 22_000, 24_000, 25_000, 26_000, 27_000, 28_000, 29_000, 30_000], kept);
    }

    private static void AddEvery(TopicWindow window, TimeSpan step, int count)
    {
        for (var i = 0; i < count; i++)
        {
            window.Add(new FeedMessage(i + 1, "ticker/ACME", "quote", Data, (long)(i * step.TotalMilliseconds)));
        }
    }
}
