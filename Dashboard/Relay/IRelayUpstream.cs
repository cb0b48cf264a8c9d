namespace Dashboard.Relay;

/// <summary>Fills a relay feed from its source until cancelled.</summary>
public interface IRelayUpstream
{
    Task RunAsync(RelayFeed feed, CancellationToken cancellationToken);
}
