using System.Diagnostics;
using Dashboard.Tests.Shared;
using Feeds.Hub;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

/// <summary>
/// A client that stops reading is cut off: its connection is reset, its request ends and its
/// stream permit is free again, whether the hub dropped it as too slow or one write waited too long.
/// </summary>
[Trait("Tier", "Server")]
public sealed class SseStalledClientTests
{
    /// <summary>A connection that is gone is gone at once; this is how long the server gets to notice the drop and reset it.</summary>
    private static readonly TimeSpan CutWithin = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Sse_DroppedAsTooSlow_ConnectionResetAndTheClientsPermitFree()
    {
        // Arrange: one stream per client, a small queue, and a write timeout far off, so the drop does the cutting.
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:Sse:QueueCapacity"] = "16",
            ["Feeds:Sse:MaxStreamsPerClient"] = "1",
            ["Feeds:Sse:WriteTimeoutSeconds"] = "600",
        });
        using var stalled = await StalledClient.OpenSseAsync(server.BaseAddress, "feeds/sse?topic=test/a");
        var stats = server.Services.GetRequiredService<FeedStats>();
        var payload = new { text = new string('x', 4096) };

        // Act: fast events until the stalled client's socket buffers and then its queue are full.
        for (var i = 0; stats.Dropped == 0; i++)
        {
            Assert.True(i < 64_000, "The stalled client was never dropped, after 256 MB.");
            await server.PublishAsync("test/a", payload);
        }

        var dropped = Stopwatch.StartNew();
        await server.WaitForOpenStreamsAsync(0, CutWithin);
        var ended = dropped.Elapsed;
        var (ending, _) = await stalled.DrainAsync(CutWithin);

        // Assert: reset, not left to drain; and the one stream this address may have is free again.
        Assert.Equal("reset", ending);
        Assert.True(ended < CutWithin, $"The request ended {ended} after the drop.");
        using var client = server.CreateClient();
        await using var next = await SseConnection.OpenAsync(client, server.SseUri("test/a"));
        var published = await server.PublishAsync("test/a");
        Assert.Equal(published.Id.ToString(), (await next.NextAsync()).EventId);
    }

    [Fact]
    public async Task Sse_WriteWaitsLongerThanWriteTimeout_ConnectionResetWithoutADrop()
    {
        // Arrange: a queue deep enough that nothing is dropped, and a one-second write timeout.
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?>
        {
            ["Feeds:Sse:QueueCapacity"] = "1024",
            ["Feeds:Sse:MaxStreamsPerClient"] = "1",
            ["Feeds:Sse:WriteTimeoutSeconds"] = "1",
        });
        using var stalled = await StalledClient.OpenSseAsync(server.BaseAddress, "feeds/sse?topic=test/a");

        // Act: 16 MB in 256 events, more than any socket buffers hold, fewer events than the queue.
        var payload = new { text = new string('x', 64 * 1024) };
        for (var i = 0; i < 256; i++)
        {
            await server.PublishAsync("test/a", payload);
        }

        await server.WaitForOpenStreamsAsync(0, TimeSpan.FromSeconds(1) + CutWithin);
        var (ending, _) = await stalled.DrainAsync(CutWithin);

        // Assert
        Assert.Equal("reset", ending);
        Assert.Equal(0, server.Services.GetRequiredService<FeedStats>().Dropped);
        using var client = server.CreateClient();
        var log = await client.GetStringAsync("feeds/streams");
        Assert.Contains("Feeds:Sse:WriteTimeoutSeconds", log, StringComparison.Ordinal);
        await using var next = await SseConnection.OpenAsync(client, server.SseUri("test/a"));
    }
}
