using Dashboard.Components.Controls;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The page's connection in words and colour: the relay's state (Live, Connecting,
/// Reconnecting, Offline), rendered here, and the circuit's, which only the browser can see:
/// <c>wwwroot/js/connection.js</c> asks this component every second and, when no answer comes,
/// says Reconnecting or Offline and for how long, and when the shown data is from. So a wall
/// screen that stopped updating says so instead of showing stale numbers as current.
/// </summary>
public sealed partial class ConnectionBadge : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./js/connection.js";

    private FeedConnectionState _state;
    private ElementReference _element;
    private DotNetObjectReference<ConnectionBadge>? _self;
    private IJSObjectReference? _module;

    [Inject]
    private FeedRelay Relay { get; set; } = default!;

    [Inject]
    private PageControls Controls { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private string StateName => _state.ToString().ToLowerInvariant();

    private string Label => _state switch
    {
        FeedConnectionState.Live => "Live",
        FeedConnectionState.Reconnecting => "Reconnecting",
        FeedConnectionState.Offline => "Offline",
        _ => "Connecting",
    };

    private string Description => _state switch
    {
        FeedConnectionState.Live => "The feeds are streaming.",
        FeedConnectionState.Reconnecting => "A feed dropped; retrying. What is shown may be a few seconds old.",
        FeedConnectionState.Offline => "The feeds cannot be reached; still retrying. What is shown is not current.",
        _ => "Opening the feeds.",
    };

    /// <summary>The browser's question "is the server still there?": answering is the whole reply.</summary>
    [JSInvokable]
    public void Ping()
    {
    }

    protected override void OnInitialized()
    {
        _state = Relay.State;
        Relay.StateChanged += OnRelayStateChanged;
        Controls.Changed += OnControlsChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await _module.InvokeVoidAsync("watch", _element, _self);
        }
        catch (JSDisconnectedException)
        {
            // Gone before it started; a new page starts its own.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Relay.StateChanged -= OnRelayStateChanged;
        Controls.Changed -= OnControlsChanged;

        // The browser's watch ends by itself once the element leaves the page.
        _self?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    // A paused page holds still, the badge's pulse included.
    private void OnControlsChanged() => _ = InvokeAsync(StateHasChanged);

    // Raised on the relay's thread; the render must happen on the circuit's.
    private void OnRelayStateChanged() => _ = InvokeAsync(() =>
    {
        var state = Relay.State;
        if (state != _state)
        {
            _state = state;
            StateHasChanged();
        }
    });
}
