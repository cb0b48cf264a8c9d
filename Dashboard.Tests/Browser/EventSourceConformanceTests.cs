using System.Text;
using System.Text.Json;
using Dashboard.Tests.Integration;
using Dashboard.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The same wire cases as SseParserConformanceTests, read by Chromium's own EventSource: the
/// reference any browser page of ours relies on. Also this server's real stream, read the same way.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Tier", "Browser")]
public sealed class EventSourceConformanceTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Opens an EventSource, records every event until the stream ends, then closes it so it does not reconnect.</summary>
    private const string Collect = """
        ([url, count]) => new Promise(resolve => {
            const events = [];
            const source = new EventSource(url);
            const record = e => {
                events.push({ type: e.type, data: e.data, lastEventId: e.lastEventId });
                if (count && events.length === count) { source.close(); resolve(events); }
            };
            for (const type of ['message', 'quote', 'end', 'lonely', 'test']) source.addEventListener(type, record);
            source.onerror = () => { source.close(); resolve(events); };
        })
        """;

    private FeedsServer _server = default!;
    private IBrowserContext _context = default!;
    private IPage _page = default!;

    public async Task InitializeAsync()
    {
        _server = await FeedsServer.StartAsync(configureApp: app =>
        {
            app.MapGet("/wire/{name}", (string name) =>
                Results.Bytes(Encoding.UTF8.GetBytes(WireCases.Get(name).Raw), "text/event-stream"));
            app.MapGet("/blank.html", () => Results.Content("<!DOCTYPE html><title>wire</title>", "text/html"));
        });
        _context = await browser.Browser.NewContextAsync();
        _page = await _context.NewPageAsync();
        await _page.GotoAsync(new Uri(_server.BaseAddress, "blank.html").ToString());
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(WireCases.Names), MemberType = typeof(WireCases))]
    public async Task EventSource_WireCase_DispatchesWhatTheSpecSays(string name)
    {
        var wireCase = WireCases.Get(name);

        var events = await _page.EvaluateAsync<JsonElement>(Collect, new object?[] { "/wire/" + name, null });

        Assert.Equal(wireCase.Expected, events.EnumerateArray().Select(e => new WireEvent(
            e.GetProperty("type").GetString()!, e.GetProperty("data").GetString()!, e.GetProperty("lastEventId").GetString()!)));
    }

    [Fact]
    public async Task EventSource_ThisServersStream_DeliversAwkwardTextExactlyWithIds()
    {
        var expected = WireCases.AwkwardTexts;
        var collecting = _page.EvaluateAsync<JsonElement>(Collect, new object?[] { "/feeds/sse?topic=test/a", expected.Count });
        await Poll.UntilAsync(() => Task.FromResult(_server.Hub.SubscriberCount == 1), TimeSpan.FromSeconds(10), "the page's EventSource is subscribed");
        var ids = new List<string>();
        foreach (var text in expected)
        {
            ids.Add((await _server.PublishAsync("test/a", new { text })).Id.ToString());
        }

        var events = (await collecting).EnumerateArray().ToArray();

        Assert.Equal(expected, events.Select(e => JsonDocument.Parse(e.GetProperty("data").GetString()!).RootElement.GetProperty("text").GetString()));
        Assert.Equal(ids, events.Select(e => e.GetProperty("lastEventId").GetString()));
        Assert.All(events, e => Assert.Equal("test", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task EventSource_MaxEvents_ClosesOnEndWithoutReconnecting()
    {
        var collecting = _page.EvaluateAsync<JsonElement>("""
            (url) => new Promise(resolve => {
                const seen = [];
                const source = new EventSource(url);
                source.addEventListener('test', e => seen.push(e.lastEventId));
                source.addEventListener('end', e => { source.close(); resolve({ seen, end: JSON.parse(e.data), state: source.readyState }); });
            })
            """, "/feeds/sse?topic=test/a&maxEvents=3");
        await Poll.UntilAsync(() => Task.FromResult(_server.Hub.SubscriberCount == 1), TimeSpan.FromSeconds(10), "the page's EventSource is subscribed");
        for (var i = 0; i < 5; i++)
        {
            await _server.PublishAsync("test/a");
        }

        var result = await collecting;

        Assert.Equal(3, result.GetProperty("seen").GetArrayLength());
        Assert.Equal(3, result.GetProperty("end").GetProperty("sent").GetInt32());
        Assert.Equal(2, result.GetProperty("state").GetInt32());
        Assert.Single(_server.LastEventIdHeaders);
    }
}
