using System.Globalization;
using Dashboard.Tests.Shared;
using static Dashboard.Tests.Cluster.ClusterInstances;

namespace Dashboard.Tests.Cluster;

/// <summary>The leader dies: another instance takes over the producers, and a client moves there without losing an event.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Tier", "Cluster")]
public sealed class LeaderFailoverTests(PostgresServer postgres)
{
    [Fact]
    public async Task KillingTheLeader_TheOtherProducesOn_AndAClientResumingThereGetsEveryEventInBetween()
    {
        await using var cluster = await ClusterInstances.CreateAsync(postgres);
        var a = await cluster.StartAsync("A");
        await a.WaitForClusterAsync(cluster.Http, c => c.GetProperty("isLeader").GetBoolean(), "A leading");
        var b = await cluster.StartAsync("B");
        var seenByB = await b.ClusterAsync(cluster.Http);
        Assert.Equal("A", seenByB.GetProperty("leader").GetString());
        Assert.False(seenByB.GetProperty("isLeader").GetBoolean());

        long lastOnA;
        await using (var onA = await cluster.StreamAsync(a, "clock"))
        {
            var before = await onA.TakeAsync(5);
            lastOnA = Id(before[^1]);
            a.Kill();
        }

        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await b.WaitForClusterAsync(cluster.Http, c => c.GetProperty("isLeader").GetBoolean(), "B taking over");

        // The client reconnects to B with the last id it saw on A, as EventSource would.
        await using var onB = await cluster.StreamAsync(b, "clock", lastOnA.ToString(CultureInfo.InvariantCulture));
        var after = await ClusterInstances.ReadUntilAsync(onB, items => items.Count > 0 && Ts(items[^1]) > killedAt + 500);

        Assert.DoesNotContain(after, e => e.EventType == "reset");
        var expected = await cluster.IdsInTableAsync("clock", lastOnA, Id(after[^1]));
        Assert.Equal(expected, after.Select(Id).ToList());
        Assert.Contains(after, e => Ts(e) > killedAt);
    }
}
