namespace FeedLoad.Wire;

/// <summary>
/// Takes HTTP/1.1 chunked transfer coding off a response body as it arrives. A state machine
/// rather than a buffer: a chunk header or the CRLF after a chunk may be split across reads at
/// any byte, and keeping the state instead of the bytes means nothing is ever copied or held.
/// </summary>
internal sealed class ChunkedDecoder
{
    private enum State
    {
        Size,
        SizeLineRest,
        Data,
        DataCr,
        DataLf,
        TrailerLineStart,
        TrailerLine,
        TrailerEndLf,
        Done,
    }

    private State _state;
    private long _size;
    private bool _sizeHasDigit;

    /// <summary>True once the last (zero-length) chunk and its trailer section have been read: the response is over.</summary>
    public bool IsDone => _state == State.Done;

    /// <summary>
    /// Returns the next piece of body in <paramref name="input"/> and moves <paramref name="input"/>
    /// past it and the framing before it; false once <paramref name="input"/> holds no more body.
    /// </summary>
    /// <exception cref="InvalidDataException">The framing is not chunked transfer coding.</exception>
    public bool TryRead(ref ReadOnlySpan<byte> input, out ReadOnlySpan<byte> payload)
    {
        while (!input.IsEmpty)
        {
            if (_state == State.Data)
            {
                var length = (int)Math.Min(_size, input.Length);
                payload = input[..length];
                input = input[length..];
                _size -= length;
                if (_size == 0)
                {
                    _state = State.DataCr;
                }

                return true;
            }

            if (_state == State.Done)
            {
                // A server may keep the connection open after the last chunk; what follows is not this response.
                input = default;
                break;
            }

            Step(input[0]);
            input = input[1..];
        }

        payload = default;
        return false;
    }

    private void Step(byte b)
    {
        switch (_state)
        {
            case State.Size when HexValue(b) is var digit and >= 0:
                // 15 hex digits is already more than any buffer; stop before the shift overflows.
                if (_size > long.MaxValue >> 4)
                {
                    throw new InvalidDataException("chunk size too large");
                }

                _size = (_size << 4) | (uint)digit;
                _sizeHasDigit = true;
                break;
            case State.Size or State.SizeLineRest when b == '\n':
                if (!_sizeHasDigit)
                {
                    throw new InvalidDataException("chunk size line without a size");
                }

                _state = _size == 0 ? State.TrailerLineStart : State.Data;
                _sizeHasDigit = false;
                break;
            case State.Size when b is (byte)';' or (byte)' ' or (byte)'\t' or (byte)'\r':
                // Chunk extensions and whitespace carry nothing the load client needs.
                _state = State.SizeLineRest;
                break;
            case State.Size:
                throw new InvalidDataException($"unexpected byte 0x{b:x2} in a chunk size");
            case State.SizeLineRest:
                break;
            case State.DataCr when b == '\r':
                _state = State.DataLf;
                break;
            case State.DataCr or State.DataLf when b == '\n':
                _state = State.Size;
                break;
            case State.DataCr or State.DataLf:
                throw new InvalidDataException("chunk data longer than its size");
            case State.TrailerLineStart when b == '\r':
                _state = State.TrailerEndLf;
                break;
            case State.TrailerLineStart or State.TrailerEndLf when b == '\n':
                _state = State.Done;
                break;
            case State.TrailerLineStart or State.TrailerLine:
                // A trailer field: skipped to its end, then the next line may be the empty one.
                _state = b == '\n' ? State.TrailerLineStart : State.TrailerLine;
                break;
            case State.TrailerEndLf:
                throw new InvalidDataException("CR without LF after the last chunk");
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
