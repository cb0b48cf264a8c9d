using Dashboard.Components.Controls;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The relay's connection state in words and colour (Live, Connecting, Reconnecting, Offline),
/// so a wall screen that stopped updating says so instead of showing stale numbers as current.
/// </summary>
public sealed partial class ConnectionBadge : ComponentBase, IDisposable
{
    private FeedConnectionState _state;

    [Inject]
    private FeedRelay Relay { get; set; } = default!;

    [Inject]
    private PageControls Controls { get; set; } = default!;

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

    protected override void OnInitialized()
    {
        _state = Relay.State;
        Relay.StateChanged += OnRelayStateChanged;
        Controls.Changed += OnControlsChanged;
    }

    public void Dispose()
    {
        Relay.StateChanged -= OnRelayStateChanged;
        Controls.Changed -= OnControlsChanged;
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
