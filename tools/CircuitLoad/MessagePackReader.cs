using System.Buffers.Binary;
using System.Text;

namespace CircuitLoad;

/// <summary>
/// Just enough MessagePack to read SignalR hub messages: the mirror here has no SignalR client
/// package, and a Blazor circuit speaks MessagePack ("blazorpack") only.
/// </summary>
internal ref struct MessagePackReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    public bool End => _at >= _data.Length;

    public int ReadArrayHeader()
    {
        var code = _data[_at++];
        return code switch
        {
            >= 0x90 and <= 0x9f => code & 0x0f,
            0xdc => ReadUInt16(),
            0xdd => (int)ReadUInt32(),
            _ => throw Unexpected(code, "array"),
        };
    }

    public long ReadInt64()
    {
        var code = _data[_at++];
        return code switch
        {
            <= 0x7f => code,
            >= 0xe0 => (sbyte)code,
            0xcc => _data[_at++],
            0xcd => ReadUInt16(),
            0xce => ReadUInt32(),
            0xcf => (long)ReadUInt64(),
            0xd0 => (sbyte)_data[_at++],
            0xd1 => (short)ReadUInt16(),
            0xd2 => (int)ReadUInt32(),
            0xd3 => (long)ReadUInt64(),
            _ => throw Unexpected(code, "integer"),
        };
    }

    public string? ReadString()
    {
        var code = _data[_at++];
        int length = code switch
        {
            0xc0 => -1,
            >= 0xa0 and <= 0xbf => code & 0x1f,
            0xd9 => _data[_at++],
            0xda => ReadUInt16(),
            0xdb => (int)ReadUInt32(),
            _ => throw Unexpected(code, "string"),
        };
        if (length < 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(_data.Slice(_at, length));
        _at += length;
        return text;
    }

    /// <summary>The length of a bin (or nil: 0); the bytes themselves are skipped.</summary>
    public int SkipBinary()
    {
        var code = _data[_at++];
        int length = code switch
        {
            0xc0 => 0,
            0xc4 => _data[_at++],
            0xc5 => ReadUInt16(),
            0xc6 => (int)ReadUInt32(),
            _ => throw Unexpected(code, "binary"),
        };
        _at += length;
        return length;
    }

    /// <summary>Skips any one value, containers included.</summary>
    public void Skip()
    {
        var code = _data[_at];
        switch (code)
        {
            case <= 0x7f or >= 0xe0 or 0xc0 or 0xc2 or 0xc3:
                _at++;
                break;
            case >= 0x80 and <= 0x8f or 0xde or 0xdf:
                {
                    _at++;
                    var count = code switch { 0xde => ReadUInt16(), 0xdf => (int)ReadUInt32(), _ => code & 0x0f };
                    for (var i = 0; i < count * 2; i++)
                    {
                        Skip();
                    }

                    break;
                }

            case >= 0x90 and <= 0x9f or 0xdc or 0xdd:
                {
                    var count = ReadArrayHeader();
                    for (var i = 0; i < count; i++)
                    {
                        Skip();
                    }

                    break;
                }

            case >= 0xa0 and <= 0xbf or 0xd9 or 0xda or 0xdb:
                ReadString();
                break;
            case 0xc4 or 0xc5 or 0xc6:
                SkipBinary();
                break;
            case 0xca:
                _at += 5;
                break;
            case 0xcb:
                _at += 9;
                break;
            case 0xcc or 0xcd or 0xce or 0xcf or 0xd0 or 0xd1 or 0xd2 or 0xd3:
                ReadInt64();
                break;
            case 0xd4:
                _at += 3;
                break;
            case 0xd5:
                _at += 4;
                break;
            case 0xd6:
                _at += 6;
                break;
            case 0xd7:
                _at += 10;
                break;
            case 0xd8:
                _at += 18;
                break;
            case 0xc7:
                _at += 3 + _data[_at + 1];
                break;
            case 0xc8:
                _at += 4 + BinaryPrimitives.ReadUInt16BigEndian(_data[(_at + 1)..]);
                break;
            case 0xc9:
                _at += 6 + (int)BinaryPrimitives.ReadUInt32BigEndian(_data[(_at + 1)..]);
                break;
            default:
                throw Unexpected(code, "value");
        }
    }

    private ushort ReadUInt16()
    {
        var value = BinaryPrimitives.ReadUInt16BigEndian(_data[_at..]);
        _at += 2;
        return value;
    }

    private uint ReadUInt32()
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(_data[_at..]);
        _at += 4;
        return value;
    }

    private ulong ReadUInt64()
    {
        var value = BinaryPrimitives.ReadUInt64BigEndian(_data[_at..]);
        _at += 8;
        return value;
    }

    private readonly InvalidDataException Unexpected(byte code, string wanted) =>
        new($"MessagePack: 0x{code:x2} at {_at - 1} where {wanted} was expected");
}
