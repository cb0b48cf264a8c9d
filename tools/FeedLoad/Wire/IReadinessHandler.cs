namespace FeedLoad.Wire;

/// <summary>What a <see cref="ReadinessLoop"/> calls, always on its own thread, for a socket it watches.</summary>
internal interface IReadinessHandler
{
    /// <summary>The socket is ready; <paramref name="buffer"/> is the loop's, to read into and parse from before returning.</summary>
    void OnReady(Span<byte> buffer);

    /// <summary>The run is over and the loop has stopped: nothing more will be read.</summary>
    void OnStopped();
}
