using Dashboard.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Dashboard.Components.Pages;

/// <summary>
/// /inspector: the wire of an event stream made visible. Everything after the first render is
/// <c>wwwroot/js/inspector.js</c>: the stream is read in the browser, where it would be consumed.
/// </summary>
public sealed partial class Inspector : ComponentBase, IAsyncDisposable
{
    private ElementReference _root;
    private IJSObjectReference? _module;
    private IJSObjectReference? _running;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IOptions<DashboardOptions> Options { get; set; } = default!;

    private IReadOnlyList<string> Allowed => Options.Value.Inspector.AllowedUrls;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/inspector.js");
        _running = await _module.InvokeAsync<IJSObjectReference>("start", _root, Allowed);
    }

    // The script owns the page's contents after the first render.
    protected override bool ShouldRender() => _running is null;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_running is not null)
            {
                await _running.InvokeVoidAsync("stop");
                await _running.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's stream with it.
        }
    }
}
