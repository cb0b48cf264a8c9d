using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Pages;

/// <summary>
/// /transports: one feed over SSE, WebSocket and long polling at once, measured in the browser by
/// <c>wwwroot/js/transports.js</c>. The server side is the feeds' own endpoints, nothing made for the page.
/// </summary>
public sealed partial class Transports : ComponentBase, IAsyncDisposable
{
    private static readonly (string Topic, string Label)[] Topics =
    [
        ("ticker/*", "ticker/* (every symbol, about 40 a second)"),
        ("metrics/*", "metrics/* (every host, about 7 a second)"),
        ("clock", "clock (once a second)"),
    ];

    private ElementReference _root;
    private string _topic = Topics[0].Topic;
    private IJSObjectReference? _module;
    private IJSObjectReference? _running;
    private bool _restart = true;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_restart)
        {
            return;
        }

        _restart = false;
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/transports.js");
        _running = await _module.InvokeAsync<IJSObjectReference>("start", _root, _topic);
    }

    private async Task ChangeTopicAsync(ChangeEventArgs change)
    {
        var topic = change.Value?.ToString();
        if (topic is null || topic == _topic || !Topics.Any(t => t.Topic == topic))
        {
            return;
        }

        await StopAsync();
        _topic = topic;
        _restart = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's connections with it.
        }
    }

    private async Task StopAsync()
    {
        if (_running is not null)
        {
            await _running.InvokeVoidAsync("stop");
            await _running.DisposeAsync();
            _running = null;
        }
    }
}
