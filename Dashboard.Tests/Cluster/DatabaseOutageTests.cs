using System.Net;
using Dashboard.Tests.Shared;
using static Dashboard.Tests.Cluster.ClusterInstances;
using Npgsql;

namespace Dashboard.Tests.Cluster;

/// <summary>
/// The database goes away and comes back: instances keep their open streams, say they are
/// unhealthy, refuse what needs the database with 503, and carry on without loss once it is back.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Tier", "Cluster")]
public sealed class DatabaseOutageTests(PostgresServer postgres)
{
    [Fact]
    public async Task DatabaseRestart_InstancesReportUnhealthy_ThenCarryOnWithoutLoss()
    {
        await using var cluster = await ClusterInstances.CreateAsync(postgres);
        var a = await cluster.StartAsync("A");
        var b = await cluster.StartAsync("B");
        await using var onB = await cluster.StreamAsync(b, "clock");
        var before = await onB.TakeAsync(3);

        await postgres.StopAsync();
        try
        {
            await a.WaitForHealthAsync(cluster.Http, HttpStatusCode.ServiceUnavailable);
            await b.WaitForHealthAsync(cluster.Http, HttpStatusCode.ServiceUnavailable);

            using var publish = await cluster.PublishAsync(b, """{"service":"api"}""");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, publish.StatusCode);
            Assert.NotNull(publish.Headers.RetryAfter);
            using var resume = await cluster.Http.GetAsync(new Uri(b.BaseAddress, $"/feeds/sse?topic=clock&lastEventId={before[0].EventId}"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, resume.StatusCode);
        }
        finally
        {
            await postgres.StartAsync();
        }

        await a.WaitForHealthAsync(cluster.Http, HttpStatusCode.OK);
        await b.WaitForHealthAsync(cluster.Http, HttpStatusCode.OK);

        // The stream opened before the outage is still open and goes on from where it was.
        var restartedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var after = await ClusterInstances.ReadUntilAsync(onB, items => items.Count > 0 && Ts(items[^1]) > restartedAt);
        var expected = await cluster.IdsInTableAsync("clock", Id(before[^1]), Id(after[^1]));
        Assert.Equal(expected, after.Select(Id).ToList());
    }

    [Fact]
    public async Task AnInstanceCutOffFromTheDatabase_DeliversWhatOthersWroteMeanwhile_OnceBack()
    {
        await using var cluster = await ClusterInstances.CreateAsync(postgres);

        // B signs in as its own role, so the test can lock B alone out of the database.
        var role = $"feeds_b_{Guid.NewGuid():N}"[..20];
        await ExecuteAsync(cluster.ConnectionString, $"CREATE ROLE {role} LOGIN SUPERUSER");
        var a = await cluster.StartAsync("A");
        await a.WaitForClusterAsync(cluster.Http, c => c.GetProperty("isLeader").GetBoolean(), "A leading");
        var b = await cluster.StartAsync("B", $"--ConnectionStrings:Feeds={cluster.ConnectionString.Replace("Username=postgres", $"Username={role}", StringComparison.Ordinal)}");
        await using var onB = await cluster.StreamAsync(b, "clock");
        var before = await onB.TakeAsync(3);

        await ExecuteAsync(cluster.ConnectionString, $"ALTER ROLE {role} NOLOGIN");
        await ExecuteAsync(cluster.ConnectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
        await b.WaitForHealthAsync(cluster.Http, HttpStatusCode.ServiceUnavailable);

        // A goes on producing while B hears nothing; these must reach B's client once B is back.
        var missed = await cluster.IdsInTableAsync("clock", Id(before[^1]), long.MaxValue);
        while (missed.Count < 10)
        {
            await using var onA = await cluster.StreamAsync(a, "clock");
            await onA.TakeAsync(10 - missed.Count);
            missed = await cluster.IdsInTableAsync("clock", Id(before[^1]), long.MaxValue);
        }

        await ExecuteAsync(cluster.ConnectionString, $"ALTER ROLE {role} LOGIN");
        await b.WaitForHealthAsync(cluster.Http, HttpStatusCode.OK);

        var after = await ClusterInstances.ReadUntilAsync(onB, items => items.Count > missed.Count);
        Assert.Equal(missed, after.Take(missed.Count).Select(Id).ToList());
        var expected = await cluster.IdsInTableAsync("clock", Id(before[^1]), Id(after[^1]));
        Assert.Equal(expected, after.Select(Id).ToList());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
