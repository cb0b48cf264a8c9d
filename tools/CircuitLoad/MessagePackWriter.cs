using System.Buffers.Binary;
using System.Text;

namespace CircuitLoad;

/// <summary>Just enough MessagePack to write the hub invocations a browser sends a circuit.</summary>
internal sealed class MessagePackWriter
{
    private readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    public MessagePackWriter Array(int count)
    {
        if (count <= 15)
        {
            _bytes.Add((byte)(0x90 | count));
        }
        else
        {
            _bytes.Add(0xdc);
            Big((ushort)count);
        }

        return this;
    }

    public MessagePackWriter EmptyMap()
    {
        _bytes.Add(0x80);
        return this;
    }

    public MessagePackWriter Nil()
    {
        _bytes.Add(0xc0);
        return this;
    }

    public MessagePackWriter Bool(bool value)
    {
        _bytes.Add(value ? (byte)0xc3 : (byte)0xc2);
        return this;
    }

    public MessagePackWriter Int(long value)
    {
        if (value is >= 0 and <= 0x7f)
        {
            _bytes.Add((byte)value);
        }
        else
        {
            _bytes.Add(0xd3);
            Span<byte> span = stackalloc byte[8];
            BinaryPrimitives.WriteInt64BigEndian(span, value);
            _bytes.AddRange(span.ToArray());
        }

        return this;
    }

    public MessagePackWriter String(string? value)
    {
        if (value is null)
        {
            return Nil();
        }

        var utf8 = Encoding.UTF8.GetBytes(value);
        if (utf8.Length <= 31)
        {
            _bytes.Add((byte)(0xa0 | utf8.Length));
        }
        else if (utf8.Length <= byte.MaxValue)
        {
            _bytes.Add(0xd9);
            _bytes.Add((byte)utf8.Length);
        }
        else if (utf8.Length <= ushort.MaxValue)
        {
            _bytes.Add(0xda);
            Big((ushort)utf8.Length);
        }
        else
        {
            _bytes.Add(0xdb);
            Span<byte> span = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(span, (uint)utf8.Length);
            _bytes.AddRange(span.ToArray());
        }

        _bytes.AddRange(utf8);
        return this;
    }

    private void Big(ushort value)
    {
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
    }
}
