namespace Feeds.Backplane;

/// <summary>The in-memory backplane's leadership: the one instance leads, from when <c>started</c> is signalled.</summary>
public sealed class SoleLeadership(string instance, CancellationToken started) : IFeedLeadership
{
    /// <summary>Leads at once, for producers run without a host.</summary>
    public static readonly SoleLeadership Default = new(Environment.MachineName);

    /// <summary>Leads at once.</summary>
    public SoleLeadership(string instance)
        : this(instance, new CancellationToken(canceled: true))
    {
    }

    public string Instance => instance;

    public bool IsLeader => started.IsCancellationRequested;

    public string? Leader => instance;

    public async Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        await started.WhenSignalledAsync(cancellationToken).ConfigureAwait(false);
        return CancellationToken.None;
    }
}
