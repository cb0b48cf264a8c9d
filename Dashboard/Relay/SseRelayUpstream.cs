using Feeds.Client;

namespace Dashboard.Relay;

/// <summary>
/// Reads a relay feed over SSE with <see cref="FeedClient"/>. It asks for everything after id 0,
/// so the upstream replays its whole history first and the window fills at once.
/// </summary>
internal sealed class SseRelayUpstream(FeedClient client, FeedsAddress address, ILogger<SseRelayUpstream> logger) : IRelayUpstream
{
    public async Task RunAsync(RelayFeed feed, CancellationToken cancellationToken)
    {
        var url = new Uri(address.BaseUri, $"feeds/sse?topic={Uri.EscapeDataString(feed.Pattern)}");
        RelayLog.Opening(logger, feed.Pattern, url);
        await foreach (var message in client.StreamAsync(url, lastEventId: 0, feed.SetState, cancellationToken).ConfigureAwait(false))
        {
            if (message.Type == "reset")
            {
                RelayLog.Reset(logger, feed.Pattern);
                feed.Reset();
                continue;
            }

            feed.Publish(message);
        }
    }
}
