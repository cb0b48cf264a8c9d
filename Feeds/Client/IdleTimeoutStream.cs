namespace Feeds.Client;

/// <summary>
/// A read-only view of a response body whose reads fail with <see cref="TimeoutException"/> when
/// nothing at all arrives for a while. A server's heartbeat comments count as arriving, though the
/// SSE parser never shows them; so a quiet feed stays open while a dead connection, which a
/// dropped network can leave without any close, is noticed.
/// </summary>
internal sealed class IdleTimeoutStream(Stream inner, TimeSpan timeout, TimeProvider time) : ReadOnlyWrapperStream(inner)
{
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var idle = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, cancellationToken);
        try
        {
            return await Inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Nothing arrived for {timeout.TotalSeconds:0.#} s, not even a heartbeat.");
        }
    }
}
