using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Hub;

namespace Dashboard.Tests.Integration;

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
}
