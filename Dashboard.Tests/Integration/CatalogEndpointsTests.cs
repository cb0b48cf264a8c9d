using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Hub;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

[Trait("Tier", "Server")]
public sealed class CatalogEndpointsTests
{
    [Fact]
    public async Task Topics_Get_ReturnsTheCatalogAsCamelCaseJson()
    {
        await using var server = await FeedsServer.StartAsync();
        var catalog = server.Services.GetRequiredService<TopicCatalog>();
        catalog.Declare(new TopicInfo("ticker/ACME", "quote", "ACME quotes.", ["symbol", "last"], 250));
        catalog.Declare(new TopicInfo("clock", "time", "Server time.", ["time"], 1000));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("feeds/topics");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var topics = json.RootElement.EnumerateArray().ToArray();
        var names = topics.Select(t => t.GetProperty("topic").GetString()!).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("ticker/ACME", names);
        Assert.Contains("alerts", names);
        var clock = Assert.Single(topics, t => t.GetProperty("topic").GetString() == "clock");
        Assert.Equal(["topic", "type", "description", "fields", "intervalMs"], clock.EnumerateObject().Select(p => p.Name));
        Assert.Equal("time", clock.GetProperty("type").GetString());
        Assert.Equal(["time"], clock.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(1000, clock.GetProperty("intervalMs").GetInt32());
    }

    [Fact]
    public async Task Stats_Get_ReturnsSubscribersCountsAndPerTopic()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        await using var stream = await SseConnection.OpenAsync(client, server.SseUri("test/*"));
        for (var i = 0; i < 3; i++)
        {
            await server.PublishAsync("test/a");
        }

        var last = await server.PublishAsync("test/b");

        using var stats = await client.GetFromJsonAsync<JsonDocument>("feeds/stats");

        var root = stats!.RootElement;
        Assert.Equal(["subscribers", "published", "dropped", "topics", "cluster", "streams", "prometheus"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("subscribers").GetInt32());
        Assert.Equal("""{"sse":1}""", root.GetProperty("streams").GetRawText());
        Assert.Equal(0, root.GetProperty("prometheus").GetArrayLength());
        Assert.Equal(4, root.GetProperty("published").GetInt64());
        Assert.Equal(0, root.GetProperty("dropped").GetInt64());
        var topics = root.GetProperty("topics").EnumerateArray().ToArray();
        Assert.Equal(["test/a", "test/b"], topics.Select(t => t.GetProperty("topic").GetString()));
        Assert.Equal([3L, 1L], topics.Select(t => t.GetProperty("published").GetInt64()));
        Assert.All(topics, t => Assert.Equal(JsonValueKind.Number, t.GetProperty("perSecond").ValueKind));
        Assert.Equal(["topic", "published", "perSecond"], topics[0].EnumerateObject().Select(p => p.Name));

        // One instance alone leads itself.
        var cluster = root.GetProperty("cluster");
        Assert.Equal("InMemory", cluster.GetProperty("backplane").GetString());
        Assert.True(cluster.GetProperty("isLeader").GetBoolean());
        Assert.Equal(cluster.GetProperty("instance").GetString(), cluster.GetProperty("leader").GetString());
        Assert.Equal(last.Id, cluster.GetProperty("lastId").GetInt64());
        Assert.Equal(JsonValueKind.Null, cluster.GetProperty("problem").ValueKind);
    }

    [Fact]
    public async Task Healthz_InMemory_IsHealthy()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        using var health = await client.GetAsync("healthz");

        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }
}
