namespace FeedLoad.Wire;

/// <summary>
/// Bytes appended to an array that doubles when full and is never shrunk: a connection's field
/// values reach their largest size in the first few events and then cost nothing more.
/// </summary>
internal sealed class GrowingBuffer(int initialCapacity)
{
    private byte[] _bytes = new byte[initialCapacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + bytes.Length));
        }

        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Clear() => Length = 0;
}
