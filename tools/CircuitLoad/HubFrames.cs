namespace CircuitLoad;

/// <summary>
/// SignalR's binary framing: each message is preceded by its length as a varint (7 bits a
/// byte, least significant first). Several messages can share a WebSocket message, and one can
/// span several.
/// </summary>
internal static class HubFrames
{
    public static byte[] Frame(byte[] message)
    {
        var prefix = new List<byte>(5);
        var length = (uint)message.Length;
        do
        {
            var b = (byte)(length & 0x7f);
            length >>= 7;
            prefix.Add(length > 0 ? (byte)(b | 0x80) : b);
        }
        while (length > 0);

        return [.. prefix, .. message];
    }

    /// <summary>The first complete message in <paramref name="buffer"/>: its body's offset and length, and the framed size; false when incomplete.</summary>
    public static bool TryRead(ReadOnlySpan<byte> buffer, out int bodyStart, out int bodyLength)
    {
        bodyStart = 0;
        bodyLength = 0;
        var length = 0;
        for (var i = 0; i < Math.Min(5, buffer.Length); i++)
        {
            length |= (buffer[i] & 0x7f) << (7 * i);
            if ((buffer[i] & 0x80) == 0)
            {
                if (buffer.Length - (i + 1) < length)
                {
                    return false;
                }

                bodyStart = i + 1;
                bodyLength = length;
                return true;
            }
        }

        if (buffer.Length >= 5)
        {
            throw new InvalidDataException("A SignalR length prefix longer than 5 bytes.");
        }

        return false;
    }
}
