using System.Text;

namespace Feeds.Client;

/// <summary>
/// A read-only view of an SSE body that follows its <c>id:</c> lines as WHATWG's EventSource does:
/// an id becomes the last event id when the blank line ending its block arrives, whether the block
/// had data or not. <c>SseParser.LastEventId</c> changes as soon as the <c>id:</c> line is read, so
/// after a connection cut inside an event it names the event that never arrived, and a resume from
/// it would skip that event; and the parser yields nothing for a block without data, such as the
/// feeds' preamble, so the client cannot learn that id from what it yields.
/// </summary>
internal sealed class LastEventIdStream(Stream inner) : ReadOnlyWrapperStream(inner)
{
    // Longer lines are not ids this client can resume from; only their start is kept.
    private const int MaxLine = 64;
    private readonly byte[] _line = new byte[MaxLine];
    private int _lineLength;
    private bool _afterCr;
    private string _idBuffer = "";

    /// <summary>The id of the last complete block that set one; empty until then.</summary>
    public string LastEventId { get; private set; } = "";

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        foreach (var b in buffer.Span[..read])
        {
            // CR, LF and CRLF each end a line; the LF of a CRLF ends nothing more.
            if (_afterCr && b == '\n')
            {
                _afterCr = false;
                continue;
            }

            _afterCr = b == '\r';
            if (b is (byte)'\r' or (byte)'\n')
            {
                EndLine();
            }
            else
            {
                if (_lineLength < MaxLine)
                {
                    _line[_lineLength] = b;
                }

                _lineLength++;
            }
        }

        return read;
    }

    private void EndLine()
    {
        var line = _line.AsSpan(0, Math.Min(_lineLength, MaxLine));
        if (_lineLength == 0)
        {
            LastEventId = _idBuffer;
        }
        else if (line.SequenceEqual("id"u8) || line.StartsWith("id:"u8))
        {
            var value = line.Length > 3 ? line[3..] : [];
            if (value.Length > 0 && value[0] == ' ')
            {
                value = value[1..];
            }

            // A NUL makes the spec ignore the field; an id too long to keep is not one to resume from.
            if (value.IndexOf((byte)0) < 0)
            {
                _idBuffer = _lineLength > MaxLine ? "" : Encoding.UTF8.GetString(value);
            }
        }

        _lineLength = 0;
    }
}
