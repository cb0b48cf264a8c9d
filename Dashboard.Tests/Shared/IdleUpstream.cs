using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Tests.Shared;

/// <summary>An upstream that connects to nothing: component tests put events into the relay feed themselves.</summary>
internal sealed class IdleUpstream : IRelayUpstream
{
    public async Task RunAsync(RelayFeed feed, CancellationToken cancellationToken)
    {
        feed.SetState(FeedConnectionState.Live);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
