using System.Net.ServerSentEvents;
using System.Text;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Client;

/// <summary>
/// The parser under FeedClient (System.Net.ServerSentEvents' SseParser) against the WHATWG rules,
/// fed whole and one byte at a time, so line endings and UTF-8 split across reads are covered too.
/// The same cases run in Chromium's own EventSource in EventSourceConformanceTests.
/// </summary>
[Trait("Tier", "Unit")]
public sealed class SseParserConformanceTests
{
    [Theory]
    [MemberData(nameof(WireCases.NamesSseParserFollows), MemberType = typeof(WireCases))]
    public async Task SseParser_WireCase_DispatchesWhatTheSpecSays(string name)
    {
        var wireCase = WireCases.Get(name);
        var bytes = Encoding.UTF8.GetBytes(wireCase.Raw);

        var whole = await ParseAsync(new MemoryStream(bytes));
        var trickled = await ParseAsync(new OneByteStream(bytes));

        Assert.Equal(wireCase.Expected, whole);
        Assert.Equal(wireCase.Expected, trickled);
    }

    /// <summary>
    /// The spec clears the event type when a blank line ends an event that has no data; SseParser
    /// (System.Net.ServerSentEvents 10.0.14) keeps it for the next event. Our server never sends a
    /// type without data, so FeedClient reading this server is unaffected; a third-party stream that
    /// does would see its next event mislabelled. This fails the day the parser is fixed, as a reminder
    /// to fold the case back into the theory above.
    /// </summary>
    [Fact]
    public async Task SseParser_EventTypeWithoutData_KeepsTheTypeForTheNextEventUnlikeTheSpec()
    {
        var wireCase = WireCases.Get(WireCases.EventTypeWithoutData);

        var parsed = await ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(wireCase.Raw)));

        Assert.Equal("message", Assert.Single(wireCase.Expected).Type);
        Assert.Equal([new WireEvent("lonely", "after", "5")], parsed);
    }

    private static async Task<List<WireEvent>> ParseAsync(Stream stream)
    {
        var parser = SseParser.Create(stream);
        var events = new List<WireEvent>();
        await foreach (var item in parser.EnumerateAsync())
        {
            events.Add(new WireEvent(item.EventType, item.Data, parser.LastEventId));
        }

        return events;
    }

    /// <summary>Hands out one byte per read, as the slowest network would.</summary>
    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);
    }
}
