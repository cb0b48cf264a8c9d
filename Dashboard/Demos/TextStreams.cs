namespace Dashboard.Demos;

/// <summary>Counts the text streams open now, so a test or an operator can see a cancel reach the server.</summary>
public sealed class TextStreams
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);
}
