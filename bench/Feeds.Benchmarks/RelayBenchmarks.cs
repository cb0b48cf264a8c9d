using System.Net.ServerSentEvents;
using System.Text;
using BenchmarkDotNet.Attributes;
using Feeds.Client;
using Feeds.Transports;
using Microsoft.Extensions.Logging.Abstractions;

namespace Feeds.Benchmarks;

/// <summary>
/// The relay's side of the wire: the dashboard's one upstream stream per topic parses every event
/// with SseParser and reads it into a FeedMessage (SseMessageReader, as FeedClient does) before
/// handing it to the circuits. Per event, from bytes already received.
/// </summary>
public class RelayBenchmarks
{
    private const int Events = 100;
    private static readonly Uri Url = new("http://127.0.0.1/feeds/sse?topic=ticker/ACME");
    private readonly byte[] _wire = Enumerable.Range(1, Events)
        .SelectMany(i => SseFrame.Format("quote", Benchmarks.Events.Data, i)).ToArray();

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> ParseAndRead()
    {
        long last = 0;
        using var stream = new MemoryStream(_wire, writable: false);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            if (SseMessageReader.TryRead(item, Url, NullLogger.Instance, out var message))
            {
                last = message.Id;
            }
        }

        return last;
    }

    public override string ToString() => Encoding.UTF8.GetString(_wire, 0, 64);
}
