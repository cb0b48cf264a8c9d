using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Cluster;

/// <summary>Two instances on one database: one sequence of ids, the same events on both.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Tier", "Cluster")]
public sealed class ClusterIdsTests(PostgresServer postgres)
{
    [Fact]
    public async Task TwoInstances_DeliverTheSameEventsUnderTheSameIds()
    {
        await using var cluster = await ClusterInstances.CreateAsync(postgres);

        // Started together, on an empty database: both create the schema at once.
        var started = await Task.WhenAll(cluster.StartAsync("A"), cluster.StartAsync("B"));
        await using var onA = await cluster.StreamAsync(started[0], "clock");
        await using var onB = await cluster.StreamAsync(started[1], "clock");

        var fromA = await onA.TakeAsync(10);
        var fromB = await onB.TakeAsync(10);

        // The clock runs on one instance only; both deliver each tick under one id, with the same data.
        var common = fromA.Join(fromB, a => a.EventId, b => b.EventId, (a, b) => (a, b)).ToList();
        Assert.True(common.Count >= 5, $"Only {common.Count} of 10 ids in common: A {Ids(fromA)}, B {Ids(fromB)}");
        Assert.All(common, pair =>
        {
            Assert.Equal(pair.a.EventType, pair.b.EventType);
            Assert.Equal(pair.a.Data, pair.b.Data);
        });
        Assert.Equal(fromA.Select(e => e.Data).Distinct().Count(), fromA.Count);
        Assert.True(IsIncreasing(fromA) && IsIncreasing(fromB), $"A {Ids(fromA)}, B {Ids(fromB)}");
    }

    [Fact]
    public async Task AnEventPublishedOnOneInstance_ReachesTheOtherUnderTheIdItWasGiven_EvenOneTooBigForNotify()
    {
        await using var cluster = await ClusterInstances.CreateAsync(postgres);
        var a = await cluster.StartAsync("A");
        var b = await cluster.StartAsync("B");
        await using var onA = await cluster.StreamAsync(a, "deploys");

        var small = """{"service":"api","version":"1.4.2"}""";

        // PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; this event is about 20 KB.
        var large = JsonSerializer.Serialize(new { service = "api", notes = new string('x', 20_000) });
        foreach (var body in new[] { small, large })
        {
            using var published = await cluster.PublishAsync(b, body);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            using var answer = JsonDocument.Parse(await published.Content.ReadAsStringAsync());
            var id = answer.RootElement.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
            var received = await onA.NextAsync();

            Assert.Equal(id, received.EventId);
            Assert.Equal("deploy", received.EventType);
            using var data = JsonDocument.Parse(received.Data);
            using var sent = JsonDocument.Parse(body);
            foreach (var property in sent.RootElement.EnumerateObject())
            {
                Assert.Equal(property.Value.GetRawText(), data.RootElement.GetProperty(property.Name).GetRawText());
            }
        }
    }

    private static bool IsIncreasing(List<SseItem<string>> items) =>
        items.Zip(items.Skip(1)).All(p => ClusterInstances.Id(p.First) < ClusterInstances.Id(p.Second));

    private static string Ids(List<SseItem<string>> items) => string.Join(",", items.Select(i => i.EventId));
}
