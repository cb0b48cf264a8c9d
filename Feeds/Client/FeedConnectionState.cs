namespace Feeds.Client;

/// <summary>Where a <see cref="FeedClient"/> stream stands, as <c>onStateChanged</c> reports it.</summary>
public enum FeedConnectionState
{
    /// <summary>The first attempt is under way; nothing has been received yet.</summary>
    Connecting,

    /// <summary>The server answered with an event stream; events flow.</summary>
    Live,

    /// <summary>The stream dropped or an attempt failed; the client waits, then tries again.</summary>
    Reconnecting,

    /// <summary>Several attempts in a row have failed; the client keeps trying, further apart.</summary>
    Offline,
}
