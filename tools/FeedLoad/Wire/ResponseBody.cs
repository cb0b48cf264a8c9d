namespace FeedLoad.Wire;

/// <summary>
/// Where a response's body is in the bytes that follow its head: chunked, a Content-Length, or
/// everything until the server closes the connection (RFC 9112 6.3), so the SSE reader sees only
/// body bytes whichever way the server frames them.
/// </summary>
internal sealed class ResponseBody(ResponseHead head)
{
    private readonly ChunkedDecoder? _chunked = head.Chunked ? new ChunkedDecoder() : null;
    private long _remaining = head.ContentLength ?? long.MaxValue;

    /// <summary>True once the framing says the response is over; a body read to close never is.</summary>
    public bool IsComplete => _chunked?.IsDone ?? _remaining == 0;

    /// <summary>True when the server closing the connection is the body's normal end.</summary>
    public bool EndsAtClose => !head.Chunked && head.ContentLength is null;

    /// <summary>The next piece of body in <paramref name="input"/>, moving <paramref name="input"/> past it; false once there is none.</summary>
    public bool TryRead(ref ReadOnlySpan<byte> input, out ReadOnlySpan<byte> payload)
    {
        if (_chunked is not null)
        {
            return _chunked.TryRead(ref input, out payload);
        }

        var length = (int)Math.Min(_remaining, input.Length);
        payload = input[..length];
        input = default;
        if (!EndsAtClose)
        {
            _remaining -= length;
        }

        return length > 0;
    }
}
