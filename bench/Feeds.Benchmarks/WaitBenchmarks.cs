using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Feeds.Hub;
using Feeds.Transports;

namespace Feeds.Benchmarks;

/// <summary>
/// A stream waiting for its next event with a heartbeat timeout, the event arriving while it
/// waits. Before: a Task.WaitAsync(timeout) per wait, so a timer, a promise and a task per event
/// per stream. After: <see cref="QuietWait"/>, one timer per stream re-armed each wait, and the
/// subscription's own reusable waiter.
/// </summary>
public class WaitBenchmarks
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(15);
    private readonly FeedEvent _event = Events.Quote(1);
    private readonly CancellationTokenSource _stop = new();
    private Channel<FeedEvent> _channel = null!;
    private FeedSubscription _subscription = null!;
    private QuietWait _quiet = null!;

    [GlobalSetup]
    public void Setup()
    {
        _channel = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
        _subscription = new FeedSubscription(TopicFilter.Parse("ticker/ACME"), 1024, static _ => { });
        _quiet = new QuietWait(15, TimeProvider.System, _subscription, _stop.Token, CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _quiet.Dispose();
        _subscription.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<bool> TaskWaitAsyncPerEvent()
    {
        var waiting = _channel.Reader.WaitToReadAsync(_stop.Token).AsTask().WaitAsync(Quiet, TimeProvider.System, _stop.Token);
        _channel.Writer.TryWrite(_event);
        var more = await waiting;
        _channel.Reader.TryRead(out _);
        return more;
    }

    [Benchmark]
    public async Task<bool> QuietWaitRearmed()
    {
        var waiting = _quiet.WaitAsync();
        _subscription.Offer(_event);
        var outcome = _quiet.Woke(await waiting);
        _subscription.Reader.TryRead(out _);
        return outcome == QuietWait.Outcome.Ready;
    }
}
