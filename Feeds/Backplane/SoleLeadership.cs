namespace Feeds.Backplane;

/// <summary>The in-memory backplane's leadership: the one instance leads, always.</summary>
public sealed class SoleLeadership(string instance) : IFeedLeadership
{
    public static readonly SoleLeadership Default = new(Environment.MachineName);

    public string Instance => instance;

    public bool IsLeader => true;

    public string? Leader => instance;

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        Task.FromResult(CancellationToken.None);
}
