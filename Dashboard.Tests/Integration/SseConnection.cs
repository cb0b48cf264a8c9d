using System.Net.Http.Headers;
using System.Net.ServerSentEvents;

namespace Dashboard.Tests.Integration;

/// <summary>
/// One raw SSE request read with <see cref="SseParser"/>, as any client would read it. Its
/// headers have arrived when <see cref="OpenAsync"/> returns, so the server has subscribed.
/// </summary>
internal sealed class SseConnection : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _closed = new();
    private readonly IAsyncEnumerator<SseItem<string>> _items;
    private Task<bool>? _pending;

    private SseConnection(HttpResponseMessage response, Stream body)
    {
        Response = response;
        Parser = SseParser.Create(body);
        _items = Parser.EnumerateAsync(_closed.Token).GetAsyncEnumerator(_closed.Token);
    }

    public HttpResponseMessage Response { get; }

    public SseParser<string> Parser { get; }

    public static async Task<SseConnection> OpenAsync(HttpClient client, Uri url, string? lastEventId = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        configure?.Invoke(request);
        using var deadline = new CancellationTokenSource(Patience);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new SseConnection(response, await response.Content.ReadAsStreamAsync(deadline.Token));
    }

    /// <summary>The next event; fails when the stream ends or nothing arrives in time.</summary>
    public async Task<SseItem<string>> NextAsync()
    {
        Assert.True(await MoveNextAsync(), "The stream ended before the next event.");
        return _items.Current;
    }

    public async Task<List<SseItem<string>>> TakeAsync(int count)
    {
        var items = new List<SseItem<string>>(count);
        while (items.Count < count)
        {
            items.Add(await NextAsync());
        }

        return items;
    }

    /// <summary>Reads until the server ends the response; returns the events read on the way.</summary>
    public async Task<List<SseItem<string>>> ReadToEndAsync()
    {
        var items = new List<SseItem<string>>();
        while (await MoveNextAsync())
        {
            items.Add(_items.Current);
        }

        return items;
    }

    /// <summary>Reads until the server ends the response or resets the connection; returns the whole events read on the way.</summary>
    public async Task<List<SseItem<string>>> ReadUntilCutAsync()
    {
        var items = new List<SseItem<string>>();
        try
        {
            while (await MoveNextAsync())
            {
                items.Add(_items.Current);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // Reset: what came before it was whole events, the parser yields no partial one.
        }

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        Response.Dispose();
        if (_pending is not null)
        {
            // The read was cut short on purpose; how it ends does not matter.
            await _pending.ContinueWith(static _ => { }, TaskScheduler.Default);
        }
        else
        {
            await _items.DisposeAsync();
        }

        _closed.Dispose();
    }

    private async Task<bool> MoveNextAsync()
    {
        _pending = _items.MoveNextAsync().AsTask();
        var more = await _pending.WaitAsync(Patience);
        _pending = null;
        return more;
    }
}
