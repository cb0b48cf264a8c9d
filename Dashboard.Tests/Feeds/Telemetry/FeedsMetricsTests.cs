using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Integration;
using Dashboard.Tests.Shared;
using Feeds.Telemetry;

namespace Dashboard.Tests.Feeds.Telemetry;

/// <summary>The feeds' instruments as an exporter reads them, against a real server doing real requests.</summary>
[Trait("Tier", "Server")]
public sealed class FeedsMetricsTests
{
    private const string Key = "metrics-test-key-0123456789";

    [Fact]
    public async Task StreamsOpen_TwoSseStreams_InstrumentsMatchStats()
    {
        // Arrange
        await using var server = await FeedsServer.StartAsync();
        using var recorder = new MeterRecorder(server.Services, FeedsMetrics.MeterName);
        using var client = server.CreateClient();

        // Act
        await using var first = await SseConnection.OpenAsync(client, server.SseUri("clock"));
        await using var second = await SseConnection.OpenAsync(client, server.SseUri("test/a"));
        var observed = recorder.Observe("feeds.streams.open", ("transport", "sse"));
        var subscribers = recorder.Observe("feeds.subscribers");
        using var stats = JsonDocument.Parse(await client.GetStringAsync("feeds/stats"));

        // Assert
        Assert.Equal(2, observed);
        Assert.Equal(2, stats.RootElement.GetProperty("streams").GetProperty("sse").GetInt64());
        Assert.Equal(stats.RootElement.GetProperty("subscribers").GetInt32(), subscribers);
    }

    [Fact]
    public async Task EventsPublished_ThreeEventsToTwoSubscribers_PublishedMatchesStatsAndDeliveredCountsEachCopy()
    {
        // Arrange
        await using var server = await FeedsServer.StartAsync();
        using var recorder = new MeterRecorder(server.Services, FeedsMetrics.MeterName);
        using var client = server.CreateClient();
        await using var first = await SseConnection.OpenAsync(client, server.SseUri("test/a"));
        await using var second = await SseConnection.OpenAsync(client, server.SseUri("test/*"));

        // Act
        for (var i = 0; i < 3; i++)
        {
            await server.PublishAsync("test/a");
        }

        await first.TakeAsync(3);
        await second.TakeAsync(3);
        using var stats = JsonDocument.Parse(await client.GetStringAsync("feeds/stats"));

        // Assert
        Assert.Equal(6, recorder.Sum("feeds.events.delivered"));
        Assert.Equal(6, recorder.Count("feeds.subscriber.queue.depth"));
        Assert.Equal(3, recorder.Observe("feeds.events.published"));
        Assert.Equal(stats.RootElement.GetProperty("published").GetInt64(), recorder.Observe("feeds.events.published"));
    }

    [Fact]
    public async Task PublishRequests_RefusedAndAccepted_CountedByStatus()
    {
        // Arrange
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:Publish:ApiKeys:0"] = Key,
            ["Feeds:Publish:Topics:0"] = "deploys",
        });
        using var recorder = new MeterRecorder(server.Services, FeedsMetrics.MeterName);
        using var client = server.CreateClient();

        // Act
        using var withoutKey = await client.PostAsync("feeds/publish/deploys", Json("{}"));
        using var accepted = await client.SendAsync(Post("feeds/publish/deploys", "{\"v\":1}"));
        using var notAnObject = await client.SendAsync(Post("feeds/publish/deploys", "[1]"));

        // Assert
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.BadRequest), (withoutKey.StatusCode, accepted.StatusCode, notAnObject.StatusCode));
        Assert.Equal(1, recorder.Sum("feeds.publish.requests", ("status", 401)));
        Assert.Equal(1, recorder.Sum("feeds.publish.requests", ("status", 200)));
        Assert.Equal(1, recorder.Sum("feeds.publish.requests", ("status", 400)));
    }

    [Fact]
    public async Task LimitsRefused_StreamPastThePerClientLimit_CountedAsStream429()
    {
        // Arrange
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:MaxStreamsPerClient"] = "1" });
        using var recorder = new MeterRecorder(server.Services, FeedsMetrics.MeterName);
        using var client = server.CreateClient();
        await using var only = await SseConnection.OpenAsync(client, server.SseUri("clock"));

        // Act
        using var refused = await client.GetAsync(server.SseUri("clock"));

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(1, recorder.Sum("feeds.limits.refused", ("request", "stream"), ("status", 429)));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Post(string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return request;
    }
}
