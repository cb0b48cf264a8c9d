using System.Buffers;
using System.Globalization;
using System.Net.ServerSentEvents;
using BenchmarkDotNet.Attributes;
using Feeds.Hub;
using Feeds.Transports;

namespace Feeds.Benchmarks;

/// <summary>
/// What one subscriber's stream spends to put one event on the wire. Before: an SseItem, the id as
/// a string and SseFormatter's UTF-8 encoding, for every subscriber. After: the frame formatted
/// once (<see cref="FormatOnce"/>, paid by the first subscriber only) and copied by every other one.
/// </summary>
public class FormattingBenchmarks
{
    private const int Events = 100;
    private readonly FeedEvent[] _events = Enumerable.Range(1, Events).Select(i => Benchmarks.Events.Quote(i)).ToArray();
    private readonly MemoryStream _stream = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task SseFormatterPerSubscriber()
    {
        _stream.Position = 0;
        await SseFormatter.WriteAsync(ItemsAsync(), _stream);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void FormatOnce()
    {
        foreach (var feedEvent in _events)
        {
            SseFrame.Format(feedEvent.Type, feedEvent.Data, feedEvent.Id);
        }
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void CachedFrameCopied()
    {
        _buffer.ResetWrittenCount();
        foreach (var feedEvent in _events)
        {
            _buffer.Write(SseFrame.Of(feedEvent).Span);
        }
    }

    private async IAsyncEnumerable<SseItem<string>> ItemsAsync()
    {
        foreach (var feedEvent in _events)
        {
            yield return new SseItem<string>(feedEvent.Data, feedEvent.Type) { EventId = feedEvent.Id.ToString(CultureInfo.InvariantCulture) };
        }

        await Task.CompletedTask;
    }
}
