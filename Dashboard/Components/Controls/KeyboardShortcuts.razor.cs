using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Controls;

/// <summary>
/// The app's keyboard shortcuts (see <see cref="Help"/>), and the <c>?</c> dialog that lists
/// them. Keys are caught by <c>wwwroot/js/shortcuts.js</c> and handled here.
/// </summary>
public sealed partial class KeyboardShortcuts : ComponentBase, IAsyncDisposable
{
    internal static readonly IReadOnlyList<(string[] Keys, string What)> Help =
    [
        (["P"], "Pause or resume the page"),
        (["1", "2", "3", "4"], "Time window: 1 min, 5 min, 15 min, 1 h"),
        (["T"], "Switch between the light and dark theme"),
        (["K"], "Kiosk mode on or off: no menus, large type, pages in turn"),
        (["Esc"], "Leave kiosk mode, or close this help"),
        (["?"], "Show this help"),
    ];

    private ElementReference _dialog;
    private IJSObjectReference? _module;
    private IJSObjectReference? _listener;
    private DotNetObjectReference<KeyboardShortcuts>? _self;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private PageControls Controls { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>Switches the theme; the layout owns it.</summary>
    [Parameter]
    public EventCallback ToggleTheme { get; set; }

    /// <summary>Turns kiosk mode on or off; the layout owns it.</summary>
    [Parameter]
    public EventCallback<bool?> SetKiosk { get; set; }

    /// <summary>Opens the help dialog, for a button that offers it.</summary>
    public async Task OpenHelpAsync()
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("openHelp", _dialog);
        }
    }

    /// <summary>A key pressed outside any field, lower case.</summary>
    [JSInvokable]
    public async Task OnShortcut(string key)
    {
        var window = TimeWindow.All.FirstOrDefault(w => w.Shortcut.ToString() == key);
        if (window is not null)
        {
            Controls.ChooseWindow(window);
            return;
        }

        switch (key)
        {
            case "p":
                Controls.TogglePause(Time.GetUtcNow());
                break;
            case "t":
                await ToggleTheme.InvokeAsync();
                break;
            case "k":
                await SetKiosk.InvokeAsync(null);
                break;
            case "escape":
                await SetKiosk.InvokeAsync(false);
                break;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/shortcuts.js");
        _listener = await _module.InvokeAsync<IJSObjectReference>("start", _self, _dialog);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_listener is not null)
            {
                await _listener.InvokeVoidAsync("dispose");
                await _listener.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone, and its key listener with it.
        }

        _self?.Dispose();
    }

    private async Task CloseHelpAsync()
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("closeHelp", _dialog);
        }
    }
}
