using Feeds.Hub;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Pages.Demos;

/// <summary>
/// A demo page: Blazor renders the layout and the explanations, and the page's own script in
/// <c>wwwroot/js/demos</c> does the browser's part (EventSource, WebSocket, fetch), because that
/// part is the lesson and must run in the browser, not over the circuit.
/// </summary>
public abstract class DemoPage : ComponentBase, IAsyncDisposable
{
    private IJSObjectReference? _module;

    [Inject]
    protected IJSRuntime JS { get; set; } = default!;

    [Inject]
    protected IServiceProvider Services { get; set; } = default!;

    /// <summary>The element the script works inside.</summary>
    protected ElementReference Root { get; set; }

    /// <summary>What the script's <c>create</c> returned: the handle to call it through.</summary>
    protected IJSObjectReference? View { get; private set; }

    /// <summary>The demos talk to the feeds hub; with the feeds on another server they are off.</summary>
    protected bool Hosted => Services.GetService<IServiceProviderIsService>()?.IsService(typeof(FeedHub)) == true;

    /// <summary>The script's path, e.g. <c>./js/demos/chat.js</c>.</summary>
    protected abstract string Script { get; }

    protected virtual object?[] CreateArguments() => [Root];

    protected virtual Task OnViewReadyAsync() => Task.CompletedTask;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !Hosted)
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", Script);
        View = await _module.InvokeAsync<IJSObjectReference>("create", CreateArguments());
        await OnViewReadyAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        try
        {
            if (View is not null)
            {
                await View.InvokeVoidAsync("dispose");
                await View.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it: its streams closed with it.
        }
    }
}
