using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Hub;

namespace Dashboard.Tests.Integration;

/// <summary><c>/feeds/poll</c>: long polling over the same hub, ids and history as SSE.</summary>
[Trait("Tier", "Server")]
public sealed class PollEndpointTests
{
    private static readonly TimeSpan Patience = SseConnection.Patience;

    [Fact]
    public async Task Poll_AfterAnId_AnswersAtOnceWithTheEventsAfterItAndTheNextCursor()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var published = new List<FeedEvent>();
        for (var i = 0; i < 4; i++)
        {
            published.Add(await server.PublishAsync(i % 2 == 0 ? "test/a" : "test/b", new { n = i }));
        }

        using var response = await client.GetAsync($"feeds/poll?topic=test/a&after={published[0].Id}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var events = body.GetProperty("events").EnumerateArray().ToArray();
        var only = Assert.Single(events);
        Assert.Equal(published[2].Id, only.GetProperty("id").GetInt64());
        Assert.Equal("test/a", only.GetProperty("topic").GetString());
        Assert.Equal(2, only.GetProperty("data").GetProperty("n").GetInt32());
        Assert.Equal(published[2].Id, body.GetProperty("next").GetInt64());
        Assert.False(body.TryGetProperty("reset", out _));
    }

    [Fact]
    public async Task Poll_NothingNew_WaitsAndAnswersWhenAnEventIsPublished()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        var before = await server.PublishAsync("test/a");

        var polling = client.GetFromJsonAsync<JsonElement>($"feeds/poll?topic=test/a&after={before.Id}");
        await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == 1), Patience, "the poll is waiting");
        Assert.False(polling.IsCompleted);
        var published = await server.PublishAsync("test/a");
        var body = await polling.WaitAsync(Patience);

        Assert.Equal([published.Id], body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal(published.Id, body.GetProperty("next").GetInt64());
    }

    [Fact]
    public async Task Poll_NothingWithinTheWait_AnswersEmptyWithTheSameCursor()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Poll:WaitSeconds"] = "1" });
        using var client = server.CreateClient();
        var before = await server.PublishAsync("test/a");

        var body = await client.GetFromJsonAsync<JsonElement>($"feeds/poll?topic=test/a&after={before.Id}");

        Assert.Empty(body.GetProperty("events").EnumerateArray());
        Assert.Equal(before.Id, body.GetProperty("next").GetInt64());
    }

    [Fact]
    public async Task Poll_WithoutAfter_WaitsForTheNextEventFromNow()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        await server.PublishAsync("test/a");

        var polling = client.GetFromJsonAsync<JsonElement>("feeds/poll?topic=test/a");
        await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == 1), Patience, "the poll is waiting");
        var published = await server.PublishAsync("test/a");
        var body = await polling.WaitAsync(Patience);

        Assert.Equal([published.Id], body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Poll_MoreThanMaxEvents_AnswersInBatchesThatFollowEachOther()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Poll:MaxEvents"] = "3" });
        using var client = server.CreateClient();
        var published = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            published.Add((await server.PublishAsync("test/a")).Id);
        }

        var received = new List<long>();
        var next = 0L;
        while (received.Count < published.Count)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"feeds/poll?topic=test/a&after={next}");
            var ids = body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToArray();
            Assert.InRange(ids.Length, 1, 3);
            received.AddRange(ids);
            next = body.GetProperty("next").GetInt64();
        }

        Assert.Equal(published, received);
    }

    [Fact]
    public async Task Poll_AfterOlderThanHistory_AnswersWithResetAndWhatIsKept()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:History:PerTopic"] = "2" });
        using var client = server.CreateClient();
        var published = new List<FeedEvent>();
        for (var i = 0; i < 5; i++)
        {
            published.Add(await server.PublishAsync("test/a"));
        }

        var body = await client.GetFromJsonAsync<JsonElement>($"feeds/poll?topic=test/a&after={published[0].Id}");

        Assert.Equal(published[2].Id, body.GetProperty("reset").GetProperty("oldestAvailableId").GetInt64());
        Assert.Equal([published[3].Id, published[4].Id], body.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("feeds/poll?topic=no-such-topic", HttpStatusCode.NotFound)]
    [InlineData("feeds/poll?topic=clock&after=garbage", HttpStatusCode.BadRequest)]
    [InlineData("feeds/poll", HttpStatusCode.BadRequest)]
    public async Task Poll_BadRequest_RefusedWithTheSameStatusAsSse(string url, HttpStatusCode status)
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync(url);

        await ProblemAssert.IsAsync(status, response);
    }
}
