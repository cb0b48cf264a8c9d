using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Client;

namespace Dashboard.Tests.Integration;

/// <summary>What this server writes survives a conforming parser byte for byte, whatever the text.</summary>
[Trait("Tier", "Server")]
public sealed class SseWireTests
{
    [Fact]
    public async Task Sse_AwkwardTextInData_ArrivesExactlyThroughFeedClient()
    {
        await using var server = await FeedsServer.StartAsync();
        using var http = server.CreateClient();
        var client = new FeedClient(http);
        using var stop = new CancellationTokenSource(SseConnection.Patience);
        var received = new List<string>();
        var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            await foreach (var message in client.StreamAsync(server.SseUri("test/a"), null, s => { if (s == FeedConnectionState.Live) live.TrySetResult(); }, stop.Token))
            {
                received.Add(message.Data.GetProperty("text").GetString()!);
                if (received.Count == WireCases.AwkwardTexts.Count)
                {
                    return;
                }
            }
        });
        await live.Task.WaitAsync(SseConnection.Patience);

        foreach (var text in WireCases.AwkwardTexts)
        {
            await server.PublishAsync("test/a", new { text });
        }

        await reading.WaitAsync(SseConnection.Patience);
        Assert.Equal(WireCases.AwkwardTexts, received);
    }

    [Fact]
    public async Task Sse_AwkwardTextInData_EveryEventIsOneDataLine()
    {
        await using var server = await FeedsServer.StartAsync();
        using var client = server.CreateClient();
        using var response = await client.GetAsync(server.SseUri("test/a"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        foreach (var text in WireCases.AwkwardTexts)
        {
            await server.PublishAsync("test/a", new { text });
        }

        // JSON escapes every line break, so each event is exactly event:, one data: line, id:, blank.
        var events = new List<string[]>();
        var current = new List<string>();
        while (events.Count < WireCases.AwkwardTexts.Count)
        {
            var line = await reader.ReadLineAsync().WaitAsync(SseConnection.Patience);
            Assert.NotNull(line);
            if (line.Length > 0)
            {
                current.Add(line);
            }
            else if (current.Count > 0)
            {
                if (current[0].StartsWith("event:", StringComparison.Ordinal))
                {
                    events.Add([.. current]);
                }

                current.Clear();
            }
        }

        Assert.All(events, lines =>
        {
            Assert.Equal(["event:", "data:", "id:"], lines.Select(l => l[..(l.IndexOf(':') + 1)]));
            using var data = JsonDocument.Parse(lines[1]["data: ".Length..]);
        });
    }
}
