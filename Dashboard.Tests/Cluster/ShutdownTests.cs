using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Cluster;

/// <summary>An instance on the PostgreSQL backplane stopped the way a service manager stops it: SIGTERM.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Tier", "Cluster")]
public sealed class ShutdownTests(PostgresServer postgres)
{
    [Fact]
    public async Task Sigterm_PostgresBackplaneInstance_ExitsZeroWithoutAnUnhandledException()
    {
        await using var cluster = await ClusterInstances.CreateAsync(postgres);
        var instance = await cluster.StartAsync("A");
        await instance.WaitForClusterAsync(cluster.Http, c => c.GetProperty("isLeader").GetBoolean(), "A leading");
        await using (var stream = await cluster.StreamAsync(instance, "clock"))
        {
            // Events have gone through the database and back: the writer and the listener both ran.
            await stream.TakeAsync(2);
        }

        var exitCode = await instance.TerminateAsync();

        Assert.True(exitCode == 0, $"Exited with {exitCode}:\n{instance.Output}");
        Assert.DoesNotContain("Unhandled exception", instance.Output, StringComparison.Ordinal);
    }
}
