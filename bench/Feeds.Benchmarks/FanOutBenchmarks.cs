using System.Buffers;
using System.Globalization;
using System.Net.ServerSentEvents;
using BenchmarkDotNet.Attributes;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Feeds.Transports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Feeds.Benchmarks;

/// <summary>
/// One event published to N subscribers of its topic and put into each one's output buffer: the
/// hub's fan-out (filter, bounded queue) plus each stream's formatting, before and after the
/// frame was cached on the event. The socket writes themselves are not in it.
/// </summary>
public class FanOutBenchmarks
{
    private static readonly Quote Quote = new("ACME", 583.31m, 583.01m, 583.61m, 582.09m, 584.11m, 581.92m, 1.22m, 0.21m, 10700);
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly MemoryStream _stream = new();
    private FeedHub _hub = null!;
    private FeedSubscription[] _subscriptions = [];

    [Params(1_000, 10_000)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new FeedsOptions());
        _hub = new FeedHub(new InMemoryBackplane(options, TimeProvider.System), new FeedStats(TimeProvider.System), options, TimeProvider.System, NullLogger<FeedHub>.Instance);
        var filter = TopicFilter.Parse("ticker/ACME");
        _subscriptions = new FeedSubscription[Subscribers];
        for (var i = 0; i < Subscribers; i++)
        {
            _subscriptions[i] = await _hub.SubscribeAsync(filter);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hub.Dispose();

    [Benchmark(Baseline = true)]
    public async Task FormatterPerSubscriber()
    {
        await _hub.PublishAsync("ticker/ACME", "quote", Quote);
        foreach (var subscription in _subscriptions)
        {
            subscription.Reader.TryRead(out var feedEvent);
            _stream.Position = 0;
            await SseFormatter.WriteAsync(One(feedEvent!), _stream);
        }
    }

    [Benchmark]
    public async Task FrameOncePerEvent()
    {
        await _hub.PublishAsync("ticker/ACME", "quote", Quote);
        foreach (var subscription in _subscriptions)
        {
            subscription.Reader.TryRead(out var feedEvent);
            _buffer.ResetWrittenCount();
            _buffer.Write(SseFrame.Of(feedEvent!).Span);
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> One(FeedEvent feedEvent)
    {
        yield return new SseItem<string>(feedEvent.Data, feedEvent.Type) { EventId = feedEvent.Id.ToString(CultureInfo.InvariantCulture) };
        await Task.CompletedTask;
    }
}
