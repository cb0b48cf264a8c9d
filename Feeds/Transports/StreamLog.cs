using System.Collections.Concurrent;
using System.Threading;

namespace Feeds.Transports;

/// <summary>
/// The last streams opened and ended on this instance, with why each ended: what a person learning
/// server push wants to see (the server noticing a browser leave), and what an operator asks when
/// a client says it was cut off. Bounded; the newest first.
/// </summary>
public sealed class StreamLog(TimeProvider time)
{
    public const int Capacity = 200;

    private readonly Lock _gate = new();
    private readonly LinkedList<StreamLogEntry> _entries = new();
    private readonly ConcurrentDictionary<string, long> _open = new(StringComparer.Ordinal);
    private long _nextStream;

    /// <summary>Raised after each entry is recorded, on the thread that recorded it; keep handlers quick.</summary>
    public event Action<StreamLogEntry>? Recorded;

    /// <summary>Records a stream opening and returns its number, which its end is recorded under.</summary>
    public long Opened(string transport, string topics, string client, long? afterId)
    {
        var stream = Interlocked.Increment(ref _nextStream);
        _open.AddOrUpdate(transport, 1, static (_, open) => open + 1);
        Record(new StreamLogEntry(stream, "opened", transport, topics, client, 0,
            afterId is { } id ? $"resuming after {id}" : "live", time.GetUtcNow()));
        return stream;
    }

    public void Ended(long stream, string transport, string topics, string client, long sent, string reason)
    {
        _open.AddOrUpdate(transport, 0, static (_, open) => open - 1);
        Record(new StreamLogEntry(stream, "ended", transport, topics, client, sent, reason, time.GetUtcNow()));
    }

    /// <summary>Streams opened and not yet ended, by transport: what <c>/feeds/stats</c> and the <c>feeds.streams.open</c> instrument show.</summary>
    public IReadOnlyDictionary<string, long> OpenByTransport() =>
        _open.ToDictionary(StringComparer.Ordinal);

    public IReadOnlyList<StreamLogEntry> Recent()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    private void Record(StreamLogEntry entry)
    {
        lock (_gate)
        {
            _entries.AddFirst(entry);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }
        }

        Recorded?.Invoke(entry);
    }
}
