using Feeds.Client;

namespace Dashboard.Relay;

/// <summary>
/// Receives a relay feed's events on the relay's own thread. Implementations only queue what
/// they get and return: the relay reads on for everyone else.
/// </summary>
public interface IRelayListener
{
    void OnMessage(FeedMessage message);

    /// <summary>The upstream said its history no longer covers the gap: windows were cleared and refill from here.</summary>
    void OnReset();

    void OnStateChanged(FeedConnectionState state);
}
