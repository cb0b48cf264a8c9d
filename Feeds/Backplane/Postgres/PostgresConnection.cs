using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>
/// The pooled connections to <c>ConnectionStrings:Feeds</c>. Each carries this instance's name as
/// its application name, which is how every instance can tell who holds the leader's lock.
/// </summary>
internal sealed class PostgresConnection : IAsyncDisposable
{
    public PostgresConnection(string connectionString, string instance)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = instance };
        DataSource = NpgsqlDataSource.Create(builder);

        // The leader's lock lives as long as its session. A pooled connection would go back to the
        // pool still holding it; unpooled, closing the connection ends the session and frees the lock.
        LeaderDataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false });
        Instance = instance;
    }

    public NpgsqlDataSource DataSource { get; }

    public NpgsqlDataSource LeaderDataSource { get; }

    public string Instance { get; }

    public async ValueTask DisposeAsync()
    {
        await LeaderDataSource.DisposeAsync().ConfigureAwait(false);
        await DataSource.DisposeAsync().ConfigureAwait(false);
    }
}
