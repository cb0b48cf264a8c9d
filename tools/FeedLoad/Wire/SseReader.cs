using System.Globalization;

namespace FeedLoad.Wire;

/// <summary>
/// Reads text/event-stream from body bytes as they arrive, split at any byte. The essentials of
/// the spec (html.spec.whatwg.org, server-sent events): lines end in LF or CRLF, <c>data:</c> lines
/// join with LF, lines starting with a colon are comments (heartbeats), an empty line dispatches,
/// and an event without data is not dispatched. Field values are copied into buffers kept for the
/// connection's life, so reading allocates nothing once they are big enough.
/// </summary>
/// <remarks>
/// Matches System.Net.ServerSentEvents.SseParser, which FeedLoad used before, where FeedLoad can
/// tell (<c>--self-test</c> compares the two): the id is the event's own, not carried over from an
/// earlier event; an <c>id:</c> holding NUL is ignored; and a blank line that dispatches nothing
/// does not clear the type (the spec would). Unlike it, a bare CR does not end a line and a UTF-8
/// BOM is not skipped; neither server measured sends one.
/// </remarks>
internal sealed class SseReader
{
    // Far above any event FeedLoad reads; a stream that never sends LF fails instead of growing the buffer forever.
    private const int MaxLineLength = 1024 * 1024;

    private readonly GrowingBuffer _line = new(256);
    private readonly GrowingBuffer _data = new(512);
    private readonly GrowingBuffer _type = new(16);
    private bool _hasData;
    private long? _id;

    /// <summary>
    /// Reads <paramref name="input"/> up to the end of the next event and hands that event over;
    /// false once <paramref name="input"/> is used up, with any unfinished line kept for the next call.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is longer than <see cref="MaxLineLength"/>.</exception>
    public bool TryRead(ref ReadOnlySpan<byte> input, out SseEvent item)
    {
        while (!input.IsEmpty)
        {
            var end = input.IndexOf((byte)'\n');
            if (end < 0)
            {
                if (_line.Length + input.Length > MaxLineLength)
                {
                    throw new InvalidDataException($"an SSE line longer than {MaxLineLength} bytes");
                }

                _line.Append(input);
                input = default;
                break;
            }

            // A line split across reads is put together in _line; a whole one is read where it lies.
            var line = input[..end];
            input = input[(end + 1)..];
            if (_line.Length > 0)
            {
                _line.Append(line);
                line = _line.Written;
                _line.Clear();
            }

            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                if (Dispatch(out item))
                {
                    return true;
                }

                continue;
            }

            Field(line);
        }

        item = default;
        return false;
    }

    private bool Dispatch(out SseEvent item)
    {
        if (!_hasData)
        {
            // As SseParser does, a blank line that dispatches nothing leaves type and id for the next event.
            item = default;
            return false;
        }

        item = new SseEvent(_type.Written, _id, _data.Written);

        // The buffers are cleared, not released: the spans just handed over stay valid until the next call.
        _type.Clear();
        _data.Clear();
        _hasData = false;
        _id = null;
        return true;
    }

    private void Field(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        var name = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? default : line[(colon + 1)..];
        if (value.StartsWith(" "u8))
        {
            value = value[1..];
        }

        if (name.SequenceEqual("data"u8))
        {
            if (_hasData)
            {
                _data.Append("\n"u8);
            }

            _data.Append(value);
            _hasData = true;
        }
        else if (name.SequenceEqual("id"u8))
        {
            if (!value.Contains((byte)0))
            {
                // NumberStyles.None: digits only, the same test FeedLoad applied to the id string before.
                _id = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
            }
        }
        else if (name.SequenceEqual("event"u8))
        {
            _type.Clear();
            _type.Append(value);
        }

        // Anything else, a comment (empty name) or retry: included, means nothing to the load client.
    }
}
