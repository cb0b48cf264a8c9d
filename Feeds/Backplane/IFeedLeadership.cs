namespace Feeds.Backplane;

/// <summary>
/// Which instance runs the producers. One instance alone always leads; on PostgreSQL the instance
/// holding an advisory lock does, so each feed is produced once in the cluster, not once per instance.
/// </summary>
public interface IFeedLeadership
{
    /// <summary>This instance's name.</summary>
    string Instance { get; }

    /// <summary>Whether this instance leads now.</summary>
    bool IsLeader { get; }

    /// <summary>The leading instance's name as last seen, or null when none is known.</summary>
    string? Leader { get; }

    /// <summary>
    /// Waits until this instance leads, then returns a token that is cancelled when it stops
    /// leading (another instance took over, or the database went away).
    /// </summary>
    Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken);
}
