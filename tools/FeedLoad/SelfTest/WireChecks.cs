using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using FeedLoad.Wire;

namespace FeedLoad.SelfTest;

/// <summary>
/// The raw reader against the parser it replaced: random event streams, framed at random chunk
/// sizes and delivered in random pieces down to single bytes, must give the events
/// System.Net.ServerSentEvents.SseParser gives for the same stream, down to each id and data byte.
/// </summary>
internal static class WireChecks
{
    private const int RandomStreams = 3000;

    public static void Run(SelfCheck check)
    {
        ResponseHeads(check);
        ChunkFraming(check);
        ServerFrames(check);
        RandomStreamsMatchSseParser(check);
    }

    private static void ResponseHeads(SelfCheck check)
    {
        var kestrel = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nDate: Tue, 11 Jun 2024 10:00:00 GMT\r\nServer: Kestrel\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n"u8;
        var parsed = ResponseHead.TryParse([.. kestrel, .. "d\r\nretry: 3000\n\r\n"u8], out var head, out var length);
        check.That(parsed && head == new ResponseHead(200, "OK", "text/event-stream", true, null), $"Kestrel head: {head}");
        check.Equal(kestrel.Length, length, "Kestrel head length");

        var go = "HTTP/1.1 200 OK\r\nCache-Control: no-cache\r\nContent-Type: text/event-stream\r\nX-Accel-Buffering: no\r\nTransfer-Encoding: chunked\r\n\r\n"u8;
        check.That(ResponseHead.TryParse(go, out head, out _) && head.Chunked && head.MediaType == "text/event-stream", $"Go head: {head}");
        check.That(!ResponseHead.TryParse(go[..^2], out _, out _), "a head without its empty line is not complete");
        check.That(!ResponseHead.TryParse("HTTP/1.1 200 OK\r\nContent-Type: text/ev"u8, out _, out _), "a head cut mid-line is not complete");

        check.That(ResponseHead.TryParse("HTTP/1.1 404 Not Found\r\ncontent-type: text/plain; charset=utf-8\r\nContent-Length: 9\r\n\r\nnot found"u8, out head, out _)
            && head == new ResponseHead(404, "Not Found", "text/plain", false, 9), $"404 head: {head}");
        check.That(ResponseHead.TryParse("HTTP/1.0 200 OK\nContent-Type: text/event-stream\n\n"u8, out head, out length)
            && head == new ResponseHead(200, "OK", "text/event-stream", false, null) && length == 49, $"bare-LF head read to close: {head}, {length}");
        check.That(ResponseHead.TryParse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"u8, out head, out _) && head.Chunked, "chunked as the last coding");
        check.That(ResponseHead.TryParse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\n"u8, out head, out _)
            && head is { Chunked: false, ContentLength: null }, "another coding is read to close, whatever Content-Length says");
        check.That(Throws(() => ResponseHead.TryParse("SSH-2.0-OpenSSH\r\n\r\n"u8, out _, out _)), "a status line that is not HTTP/1.x");
    }

    private static void ChunkFraming(SelfCheck check)
    {
        check.Equal("abc|defgh", Dechunk("3\r\nabc\r\n5;name=value\r\ndefgh\r\n0\r\n\r\n"u8, out var done), "chunks with an extension");
        check.That(done, "the last chunk ends the body");
        check.Equal("0123456789abcdefg", Dechunk("011\r\n0123456789abcdefg\r\n0\r\nTrailer: x\r\n\r\nNEXT"u8, out done), "leading zeros, a trailer, bytes after the end");
        check.That(done, "the trailer section ends the body");
        check.Equal("ab", Dechunk("2\r\nab\r\n"u8, out done), "an open body");
        check.That(!done, "no last chunk: the body goes on");
        check.That(Throws(() => Dechunk("2\r\nabc\r\n0\r\n\r\n"u8, out _)), "data longer than its chunk size");
        check.That(Throws(() => Dechunk("g\r\n"u8, out _)), "a chunk size that is not hex");
        check.That(Throws(() => Dechunk("\r\nab"u8, out _)), "a chunk size line without a size");
    }

    /// <summary>The exact frames each measured server sends, one read each.</summary>
    private static void ServerFrames(SelfCheck check)
    {
        var kestrel = Read(
            "retry: 3000\n\nevent: quote\ndata: {\"topic\":\"ticker/ACME\",\"ts\":1718100000000,\"last\":101.5}\nid: 42\n\n: heartbeat\n\n"u8);
        check.Equal("quote 42 1718100000000", Describe(kestrel), "Kestrel frames");
        var go = Read("retry: 3000\n: feeds ticker\n\nevent: quote\ndata: {\"topic\":\"ticker/ACME\",\"ts\":1718100000001,\"volume\":7}\nid: 1\n\n"u8);
        check.Equal("quote 1 1718100000001", Describe(go), "Go frames");
        var reset = Read("event: reset\ndata: {\"topic\":\"\",\"ts\":5,\"afterId\":3,\"oldestAvailableId\":9}\n\n"u8);
        check.Equal("reset  5", Describe(reset), "a reset has no id");
        check.Equal(0, Read("id: 3\nevent: quote\n\n"u8).Count, "an event without data is not dispatched");
        check.Equal("{\"ts\":1,\n\"a\":2}", FirstData(Read("data: {\"ts\":1,\r\ndata:\"a\":2}\r\n\r\n"u8)), "data lines joined by LF, CRLF lines");
        check.Equal(" x", FirstData(Read("data:  x\n\n"u8)), "only one space after the colon is dropped");
    }

    private static void RandomStreamsMatchSseParser(SelfCheck check)
    {
        var random = new Random(7);
        var mismatches = 0;
        string? first = null;
        for (var i = 0; i < RandomStreams; i++)
        {
            var stream = RandomStream(random);
            var expected = WithSseParser(stream);
            var framing = i % 3;
            var wire = framing == 0 ? Chunk(stream, random) : stream;
            var head = new ResponseHead(200, "OK", "text/event-stream", framing == 0, framing == 1 ? stream.Length : null);

            // A third of the streams arrive a byte at a time, the rest in pieces of up to a random size.
            var maxPiece = i % 2 == 0 ? 1 : random.Next(2, 100);
            var actual = WithRawReader(wire, head, random, maxPiece, out var complete);
            if (!expected.SequenceEqual(actual) || complete != (framing != 2))
            {
                mismatches++;
                first ??= $"stream {i}: {Encoding.UTF8.GetString(stream).ReplaceLineEndings("\\n")}\n  SseParser: {string.Join("; ", expected)}\n  raw:       {string.Join("; ", actual)}";
            }
        }

        check.That(mismatches == 0, $"{mismatches} of {RandomStreams} random streams read differently, e.g. {first}");
    }

    /// <summary>What Record acts on, in a form both readers can be compared in; an absent type and "message" are one.</summary>
    private readonly record struct Seen(string Type, long? Id, string Data, EventData Parsed);

    private static Seen Of(string type, long? id, ReadOnlySpan<byte> data) =>
        new(type == "message" ? "" : type, id, Convert.ToBase64String(data), EventData.Parse(data));

    private static List<Seen> WithSseParser(byte[] stream)
    {
        var parser = SseParser.Create(new MemoryStream(stream), static (_, data) => data.ToArray());
        return parser.Enumerate()
            .Select(item => Of(item.EventType, long.TryParse(item.EventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null, item.Data))
            .ToList();
    }

    private static List<Seen> WithRawReader(byte[] wire, ResponseHead head, Random random, int maxPiece, out bool complete)
    {
        var body = new ResponseBody(head);
        var reader = new SseReader();
        var seen = new List<Seen>();
        for (var at = 0; at < wire.Length;)
        {
            var length = Math.Min(random.Next(1, maxPiece + 1), wire.Length - at);
            ReadOnlySpan<byte> piece = wire.AsSpan(at, length);
            at += length;
            while (body.TryRead(ref piece, out var payload))
            {
                while (reader.TryRead(ref payload, out var item))
                {
                    seen.Add(Of(Encoding.UTF8.GetString(item.Type), item.Id, item.Data));
                }
            }
        }

        complete = body.IsComplete;
        return seen;
    }

    private static List<Seen> Read(ReadOnlySpan<byte> stream) =>
        WithRawReader(stream.ToArray(), new ResponseHead(200, "OK", "text/event-stream", false, null), new Random(1), Math.Max(1, stream.Length), out _);

    private static string Describe(List<Seen> events) =>
        string.Join("; ", events.Select(e => $"{e.Type} {e.Id} {e.Parsed.Ts}"));

    private static string FirstData(List<Seen> events) =>
        events.Count == 0 ? "(no event)" : Encoding.UTF8.GetString(Convert.FromBase64String(events[0].Data));

    private static byte[] RandomStream(Random random)
    {
        var text = new StringBuilder();
        var id = 0L;
        for (var lines = random.Next(0, 40); lines > 0; lines--)
        {
            text.Append(random.Next(30) switch
            {
                < 6 => string.Create(CultureInfo.InvariantCulture,
                    $"data: {{\"topic\":\"ticker/ACME\",\"ts\":{random.NextInt64(1, 2_000_000_000_000)},\"last\":{random.Next(10_000) / 100.0:0.00},\"note\":\"é✓\"}}"),
                6 => $"data:{{\"ts\":{random.Next()}}}",
                7 => "data: {\"ts\":",
                8 => "data: 1}",
                9 => random.Next(2) == 0 ? "data" : "data:",
                10 => "data:  spaced",
                < 14 => $"id: {id += random.Next(1, 3)}",
                14 => $"id:{id += 1}",
                15 => random.Next(6) switch
                {
                    0 => "id:  7",
                    1 => "id: -1",
                    2 => "id: abc",
                    3 => "id:",
                    4 => "id: 5\0",
                    _ => "id: 99999999999999999999",
                },
                < 18 => "event: quote",
                18 => random.Next(3) switch { 0 => "event:reset", 1 => "event:", _ => "event: message" },
                19 => "event: reset",
                20 => ": heartbeat",
                21 => random.Next(2) == 0 ? ":" : "retry: 3000",
                22 => random.Next(2) == 0 ? "foo: bar" : "ids: 4",
                _ => "",
            });
            text.Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }

        // Sometimes the stream stops inside an event, or inside a line: neither reader dispatches it.
        text.Append(random.Next(4) switch { 0 => "data: {\"ts\":1}\n", 1 => "data: {\"ts", _ => "" });
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Chunk(byte[] body, Random random)
    {
        var wire = new MemoryStream();
        void Write(string ascii) => wire.Write(Encoding.ASCII.GetBytes(ascii));
        for (var at = 0; at < body.Length;)
        {
            var size = Math.Min(random.Next(1, 80), body.Length - at);
            var hex = size.ToString(random.Next(2) == 0 ? "x" : "X3", CultureInfo.InvariantCulture);
            Write(random.Next(5) == 0 ? $"{hex};ext=1\r\n" : $"{hex}\r\n");
            wire.Write(body, at, size);
            Write("\r\n");
            at += size;
        }

        Write(random.Next(3) == 0 ? "0\r\nX-Trailer: 1\r\n\r\n" : "0\r\n\r\n");
        return wire.ToArray();
    }

    private static string Dechunk(ReadOnlySpan<byte> wire, out bool done)
    {
        var decoder = new ChunkedDecoder();
        var pieces = new List<string>();
        while (decoder.TryRead(ref wire, out var payload))
        {
            pieces.Add(Encoding.ASCII.GetString(payload));
        }

        done = decoder.IsDone;
        return string.Join("|", pieces);
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
