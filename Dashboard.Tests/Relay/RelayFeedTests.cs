using System.Text.Json;
using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Tests.Relay;

[Trait("Tier", "Unit")]
public sealed class RelayFeedTests
{
    private static FeedMessage Message(long id, string topic, long ts) =>
        new(id, topic, "quote", JsonSerializer.SerializeToElement(new { topic, ts, last = id }), ts);

    [Fact]
    public void Publish_OlderThanSpan_DropsFromWindow()
    {
        var feed = new RelayFeed("ticker/*", TimeSpan.FromSeconds(10), maxEvents: 1000);

        feed.Publish(Message(1, "ticker/ACME", ts: 1_000));
        feed.Publish(Message(2, "ticker/ACME", ts: 5_000));
        feed.Publish(Message(3, "ticker/ACME", ts: 12_000));

        Assert.Equal([2L, 3L], feed.Snapshot().Window("ticker/ACME").Select(m => m.Id));
    }

    [Fact]
    public void Publish_OlderThanDetail_ThinnedToOneEveryTwoSecondsUntilTheSpan()
    {
        var feed = new RelayFeed("ticker/*", TimeSpan.FromMinutes(60), maxEvents: 100_000, detail: TimeSpan.FromMinutes(15));

        // An hour and a minute of a ticker at 4 events a second.
        var last = 61 * 60 * 4;
        for (var i = 0; i <= last; i++)
        {
            feed.Publish(Message(i + 1, "ticker/ACME", ts: i * 250L));
        }

        var window = feed.Snapshot().Window("ticker/ACME");
        var newest = last * 250L;
        var detail = window.Where(m => m.Ts >= newest - (15 * 60_000)).ToList();
        var thinned = window.Where(m => m.Ts < newest - (15 * 60_000)).ToList();

        Assert.True(window[0].Ts >= newest - (60 * 60_000), "Nothing older than the span.");
        Assert.True(window[0].Ts < newest - (59 * 60_000), "The span is all there.");
        Assert.Equal(15 * 60 * 4 + 1, detail.Count);
        Assert.All(thinned.Zip(thinned.Skip(1)), pair => Assert.True(pair.Second.Ts - pair.First.Ts >= 2_000));
        Assert.InRange(thinned.Count, 45 * 30 - 2, 45 * 30 + 1);
        Assert.Equal(window.OrderBy(m => m.Ts).Select(m => m.Id), window.Select(m => m.Id));
    }

    [Fact]
    public void Publish_MoreThanMaxEvents_KeepsNewest()
    {
        var feed = new RelayFeed("ticker/*", TimeSpan.FromHours(1), maxEvents: 3);

        for (var id = 1; id <= 5; id++)
        {
            feed.Publish(Message(id, "ticker/ACME", ts: id));
        }

        Assert.Equal([3L, 4L, 5L], feed.Snapshot().Window("ticker/ACME").Select(m => m.Id));
    }

    [Fact]
    public void WindowedEvents_SeveralTopicsPastTheirBound_CountsWhatIsKept()
    {
        var feed = new RelayFeed("ticker/*", TimeSpan.FromHours(1), maxEvents: 3);

        for (var id = 1; id <= 5; id++)
        {
            feed.Publish(Message(id, "ticker/A", ts: id));
        }

        feed.Publish(Message(6, "ticker/B", ts: 6));

        Assert.Equal(4, feed.WindowedEvents);
    }

    [Fact]
    public void Snapshot_SeveralTopics_KeepsEachApartWithLatest()
    {
        var feed = new RelayFeed("ticker/*", TimeSpan.FromHours(1), maxEvents: 100);

        feed.Publish(Message(1, "ticker/B", ts: 1));
        feed.Publish(Message(2, "ticker/A", ts: 2));
        feed.Publish(Message(3, "ticker/B", ts: 3));

        var snapshot = feed.Snapshot();
        Assert.Equal(["ticker/A", "ticker/B"], snapshot.Topics);
        Assert.Equal(3, snapshot.Latest("ticker/B")!.Id);
        Assert.Null(snapshot.Latest("ticker/C"));
    }

    [Fact]
    public async Task Subscribe_WhilePublishing_EveryEventInSnapshotOrDeliveredExactlyOnce()
    {
        for (var round = 0; round < 20; round++)
        {
            var feed = new RelayFeed("ticker/*", TimeSpan.FromHours(1), maxEvents: 100_000);
            const int total = 5_000;
            var publisher = Task.Run(() =>
            {
                for (var id = 1; id <= total; id++)
                {
                    feed.Publish(Message(id, "ticker/ACME", ts: id));
                }
            });

            var listener = new RecordingListener();
            using var subscription = feed.Subscribe(listener, out var snapshot);
            await publisher;

            var seen = snapshot.Window("ticker/ACME").Select(m => m.Id).Concat(listener.Ids).ToArray();
            Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), seen);
        }
    }

    [Fact]
    public void Reset_ClearsWindowsAndTellsListeners()
    {
        var feed = new RelayFeed("ticker/*", TimeSpan.FromHours(1), maxEvents: 100);
        feed.Publish(Message(1, "ticker/ACME", ts: 1));
        var listener = new RecordingListener();
        using var subscription = feed.Subscribe(listener, out _);

        feed.Reset();

        Assert.Empty(feed.Snapshot().Topics);
        Assert.Equal(1, listener.Resets);
    }

    [Fact]
    public void Dispose_Subscription_StopsDelivery()
    {
        var feed = new RelayFeed("ticker/*", TimeSpan.FromHours(1), maxEvents: 100);
        var listener = new RecordingListener();
        var subscription = feed.Subscribe(listener, out _);
        feed.Publish(Message(1, "ticker/ACME", ts: 1));

        subscription.Dispose();
        feed.Publish(Message(2, "ticker/ACME", ts: 2));

        Assert.Equal([1L], listener.Ids);
    }

    [Fact]
    public void SetState_Changed_TellsListenersOnce()
    {
        var feed = new RelayFeed("clock", TimeSpan.FromHours(1), maxEvents: 100);
        var listener = new RecordingListener();
        using var subscription = feed.Subscribe(listener, out _);

        feed.SetState(FeedConnectionState.Live);
        feed.SetState(FeedConnectionState.Live);
        feed.SetState(FeedConnectionState.Reconnecting);

        Assert.Equal([FeedConnectionState.Live, FeedConnectionState.Reconnecting], listener.States);
    }

    private sealed class RecordingListener : IRelayListener
    {
        public List<long> Ids { get; } = [];

        public List<FeedConnectionState> States { get; } = [];

        public int Resets { get; private set; }

        public void OnMessage(FeedMessage message) => Ids.Add(message.Id);

        public void OnReset() => Resets++;

        public void OnStateChanged(FeedConnectionState state) => States.Add(state);
    }
}
