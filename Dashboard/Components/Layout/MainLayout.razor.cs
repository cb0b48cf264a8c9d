using Dashboard.Components.Controls;
using Dashboard.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Dashboard.Components.Layout;

/// <summary>
/// The frame of every page: header with the app name, the feeds' connection state, kiosk,
/// shortcuts and theme switches; the page menu; the page. The theme follows the system's light
/// or dark preference until the user picks one, which the browser then remembers. With
/// <c>?kiosk=1</c> the frame is left out and the configured pages follow one another.
/// </summary>
public sealed partial class MainLayout : LayoutComponentBase, IAsyncDisposable
{
    internal const string LightTheme = "light";
    internal const string DarkTheme = "dark";
    private const string KioskParameter = "kiosk";
    private const string MainContentId = "main-content";

    private bool _drawerOpen = true;
    private bool _dark;
    private bool _kiosk;
    private IJSObjectReference? _module;
    private KeyboardShortcuts? _shortcuts;
    private ElementReference _main;
    private ElementReference _screen;
    private IJSObjectReference? _kioskModule;
    private bool _paging;
    private ITimer? _rotation;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private PageControls Controls { get; set; } = default!;

    [Inject]
    private IOptions<DashboardOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private KioskOptions Kiosk => Options.Value.Kiosk;

    protected override void OnInitialized()
    {
        _kiosk = KioskRequested(Navigation.Uri);
        if (RendererInfo.IsInteractive)
        {
            Navigation.LocationChanged += OnLocationChanged;
            Rotate();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await StartPagingAsync();
        if (!firstRender)
        {
            return;
        }

        try
        {
            // theme-boot.js showed this theme before the first paint; the switch only catches up.
            // Not remembered: that would turn a system preference into a choice.
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/theme.js");
            var dark = await _module.InvokeAsync<string>("shownTheme") == DarkTheme;
            if (dark != _dark)
            {
                _dark = dark;
                StateHasChanged();
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    // A kiosk page taller than the screen is shown a screenful at a time within its turn.
    private async Task StartPagingAsync()
    {
        if (!_kiosk)
        {
            _paging = false;
            return;
        }

        if (_paging)
        {
            return;
        }

        _paging = true;
        try
        {
            _kioskModule ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/kiosk.js");
            await _kioskModule.InvokeVoidAsync("start", _main, _screen, Kiosk.EffectivePages.Count < 2 ? 0 : Kiosk.RotateSeconds);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        if (_rotation is not null)
        {
            await _rotation.DisposeAsync();
        }

        foreach (var module in new[] { _module, _kioskModule })
        {
            if (module is not null)
            {
                try
                {
                    await module.DisposeAsync();
                }
                catch (JSDisconnectedException)
                {
                }
            }
        }
    }

    private static bool KioskRequested(string uri)
    {
        var query = new Uri(uri).Query;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue(KioskParameter, out var value)
            && value.ToString() is "1" or "true";
    }

    private Task OpenHelpAsync() => _shortcuts?.OpenHelpAsync() ?? Task.CompletedTask;

    private bool IsDark => _dark;

    // The same page, at its content: the router would take a bare "#..." to the home page. The
    // click moves the focus there itself, which following the link alone would not.
    private string SkipLinkHref => new Uri(Navigation.Uri).GetLeftPart(UriPartial.Query) + "#" + MainContentId;

    private async Task SkipToContentAsync()
    {
        try
        {
            await _main.FocusAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    /// <summary>The user's pick: shown at once, and remembered by the browser.</summary>
    private async Task ToggleThemeAsync()
    {
        _dark = !_dark;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("rememberTheme", _dark ? DarkTheme : LightTheme);
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    /// <summary>Kiosk on, off, or (null) the other way; it lives in the address, so a wall screen's bookmark keeps it.</summary>
    private Task SetKioskAsync(bool? on)
    {
        var kiosk = on ?? !_kiosk;
        if (kiosk != _kiosk)
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(KioskParameter, kiosk ? "1" : null));
        }

        return Task.CompletedTask;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(() =>
    {
        var kiosk = KioskRequested(e.Location);
        if (kiosk != _kiosk)
        {
            _kiosk = kiosk;
            StateHasChanged();
        }

        Rotate();
    });

    // Each page gets its full time from when it appeared; a paused wall stays where it is.
    private void Rotate()
    {
        _rotation?.Dispose();
        _rotation = null;
        if (!_kiosk || Kiosk.RotateSeconds == 0 || Kiosk.EffectivePages.Count < 2)
        {
            return;
        }

        var every = TimeSpan.FromSeconds(Kiosk.RotateSeconds);
        _rotation = Time.CreateTimer(_ => InvokeAsync(NextPage), null, every, every);
    }

    private void NextPage()
    {
        if (!_kiosk || Controls.Paused)
        {
            return;
        }

        var pages = Kiosk.EffectivePages;
        var path = "/" + Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];
        var at = pages.ToList().FindIndex(p => string.Equals(p, path, StringComparison.OrdinalIgnoreCase));
        var next = pages[(at + 1) % pages.Count];
        Navigation.NavigateTo(Navigation.ToAbsoluteUri(next).ToString() + "?" + KioskParameter + "=1");
    }
}
