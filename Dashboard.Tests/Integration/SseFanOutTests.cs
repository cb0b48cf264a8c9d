using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Hub;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Integration;

[Trait("Tier", "Server")]
public sealed class SseFanOutTests
{
    private const int Clients = 50;

    [Fact]
    public async Task Sse_FiftyConcurrentClients_EachGetsEveryMatchingEventInOrder()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();

        // Each connection's headers have arrived when OpenAsync returns, so all are subscribed.
        var streams = await Task.WhenAll(Enumerable.Range(0, Clients)
            .Select(_ => SseConnection.OpenAsync(client, server.SseUri("ticker/*", "clock"))));
        try
        {
            string[] symbols = ["ACME", "GLOBX", "INIT", "UMBR", "STARK"];
            var expected = new List<FeedEvent>();
            for (var i = 0; i < 200; i++)
            {
                var topic = i % 10 == 0 ? "clock" : $"ticker/{symbols[i % symbols.Length]}";
                expected.Add(await server.PublishAsync(topic, new { n = i }));
                if (i % 25 == 0)
                {
                    await server.PublishAsync("metrics/web-1");
                }
            }

            var received = await Task.WhenAll(streams.Select(s => s.TakeAsync(expected.Count)));

            Assert.All(received, items =>
            {
                Assert.Equal(expected.Select(e => e.Id.ToString()), items.Select(i => i.EventId));
                Assert.All(items, item =>
                {
                    using var data = JsonDocument.Parse(item.Data);
                    Assert.True(data.RootElement.GetProperty("ts").GetInt64() > 0);
                });
            });
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Sse_OneClientStopsReading_ItIsDroppedWhileTheOthersGetEveryEvent()
    {
        await using var server = await FeedsServer.StartAsync(new Dictionary<string, string?> { ["Feeds:Sse:QueueCapacity"] = "64" });
        using var client = server.CreateClient();
        using var stalled = await OpenAndStopReadingAsync(server.BaseAddress);
        var healthy = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SseConnection.OpenAsync(client, server.SseUri("test/a"))));
        try
        {
            // Batches until the stalled client's socket buffers (megabytes, with autotuning) and then
            // its queue are full. Each batch fits the queue, and the healthy readers take it before
            // the next: they keep up, the stalled one cannot.
            var stats = server.Services.GetRequiredService<FeedStats>();
            var payload = new { text = new string('x', 4096) };
            for (var batch = 0; stats.Dropped == 0; batch++)
            {
                Assert.True(batch < 2000, "The stalled client was never dropped, after 256 MB.");
                var published = new List<string>();
                for (var i = 0; i < 32; i++)
                {
                    published.Add((await server.PublishAsync("test/a", payload)).Id.ToString());
                }

                var received = await Task.WhenAll(healthy.Select(s => s.TakeAsync(32)));
                Assert.All(received, items => Assert.Equal(published, items.Select(item => item.EventId)));
            }

            await Poll.UntilAsync(() => Task.FromResult(server.Hub.SubscriberCount == healthy.Length), SseConnection.Patience, "only the healthy clients stay subscribed");
            var last = await server.PublishAsync("test/a");
            Assert.All(await Task.WhenAll(healthy.Select(s => s.NextAsync())), item => Assert.Equal(last.Id.ToString(), item.EventId));
        }
        finally
        {
            foreach (var stream in healthy)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>A client that subscribes, reads the response headers, and then never reads again.</summary>
    private static async Task<TcpClient> OpenAndStopReadingAsync(Uri baseAddress)
    {
        // A small receive window makes the server's writes back up after a few kilobytes.
        var tcp = new TcpClient { ReceiveBufferSize = 4096 };
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        var request = $"GET /feeds/sse?topic=test/a HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAccept: text/event-stream\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        // The preamble's retry: is written after the server has subscribed.
        var seen = new StringBuilder();
        var buffer = new byte[256];
        using var deadline = new CancellationTokenSource(SseConnection.Patience);
        while (!seen.ToString().Contains("retry:", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, deadline.Token);
            Assert.True(read > 0, "The server closed the stalled client's stream before it began.");
            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return tcp;
    }
}
