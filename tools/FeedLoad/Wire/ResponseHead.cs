using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace FeedLoad.Wire;

/// <summary>
/// The status line and the few headers the load client acts on. Parsed once per connection, so
/// strings are fine here; what matters is that it knows where the head ends and the body begins.
/// </summary>
/// <param name="MediaType">Content-Type without its parameters, as the server wrote it; null when absent.</param>
/// <param name="Chunked">Transfer-Encoding ends in chunked.</param>
/// <param name="ContentLength">The body's length; null when it is chunked or runs until the server closes the connection.</param>
internal sealed record ResponseHead(int StatusCode, string ReasonPhrase, string? MediaType, bool Chunked, long? ContentLength)
{
    /// <summary>
    /// Reads the head at the start of <paramref name="received"/>; false while the empty line
    /// that ends it has not arrived yet. Lines may end in CRLF or a bare LF.
    /// </summary>
    /// <param name="length">How many bytes of <paramref name="received"/> the head took; the body starts there.</param>
    /// <exception cref="InvalidDataException">The status line is not HTTP/1.x.</exception>
    public static bool TryParse(ReadOnlySpan<byte> received, [NotNullWhen(true)] out ResponseHead? head, out int length)
    {
        head = null;
        length = 0;
        var offset = 0;
        while (received[offset..].IndexOf((byte)'\n') is var end and >= 0)
        {
            var line = received.Slice(offset, end);
            offset += end + 1;
            if (line.IsEmpty || line is [(byte)'\r'])
            {
                if (offset == line.Length + 1)
                {
                    throw new InvalidDataException("the response starts with an empty line");
                }

                length = offset;
                head = Parse(received[..offset]);
                return true;
            }
        }

        return false;
    }

    private static ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var lines = head;
        var status = NextLine(ref lines);
        if (!status.StartsWith("HTTP/1."u8) || status.Length < 12 || status[8] != ' ' ||
            !int.TryParse(status.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new InvalidDataException($"not an HTTP/1.x status line: {Encoding.ASCII.GetString(status)}");
        }

        var reason = status.Length > 13 ? Encoding.ASCII.GetString(status[13..]) : "";
        string? mediaType = null;
        var transferEncoded = false;
        var chunked = false;
        long? contentLength = null;
        while (NextLine(ref lines) is { IsEmpty: false } line)
        {
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Type"u8))
            {
                var semicolon = value.IndexOf((byte)';');
                mediaType = Encoding.ASCII.GetString((semicolon < 0 ? value : value[..semicolon]).TrimEnd(" \t"u8));
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // RFC 9112 6.3: chunked, when present, is the last coding; any other coding means read to close.
                transferEncoded = true;
                var comma = value.LastIndexOf((byte)',');
                chunked = Ascii.EqualsIgnoreCase((comma < 0 ? value : value[(comma + 1)..]).Trim(" \t"u8), "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8) &&
                long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                contentLength = parsed;
            }
        }

        // RFC 9112 6.3: Transfer-Encoding overrides Content-Length.
        return new ResponseHead(code, reason, mediaType, chunked, transferEncoded ? null : contentLength);
    }

    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> lines)
    {
        var end = lines.IndexOf((byte)'\n');
        var line = end < 0 ? lines : lines[..end];
        lines = end < 0 ? default : lines[(end + 1)..];
        return line.EndsWith("\r"u8) ? line[..^1] : line;
    }
}
