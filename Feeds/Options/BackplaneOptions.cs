namespace Feeds.Options;

/// <summary>Where ids, history and delivery live: this process alone, or a PostgreSQL database shared by several instances.</summary>
public enum BackplaneKind
{
    InMemory,
    Postgres,
}

/// <summary><c>Feeds:Backplane</c>. The PostgreSQL connection string is <c>ConnectionStrings:Feeds</c>.</summary>
public sealed class BackplaneOptions
{
    public BackplaneKind Kind { get; set; } = BackplaneKind.InMemory;

    /// <summary>This instance's name in <c>/feeds/stats</c> and in PostgreSQL's <c>pg_stat_activity</c>; empty means host name and process id.</summary>
    public string InstanceName { get; set; } = "";

    /// <summary>How often an instance that does not lead tries the leader's lock, so failover takes about this long.</summary>
    public int LeaderCheckMs { get; set; } = 1000;

    /// <summary>The longest wait between two attempts to reach the database while it is away.</summary>
    public int ReconnectMaxMs { get; set; } = 5000;

    /// <summary>The name in force.</summary>
    public string EffectiveInstanceName =>
        InstanceName.Length > 0 ? InstanceName : $"{Environment.MachineName}:{Environment.ProcessId}";
}
