using Dashboard.Components.Controls;
using Dashboard.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using Radzen;

namespace Dashboard.Components.Layout;

/// <summary>
/// The frame of every page: header with the app name, the feeds' connection state, kiosk,
/// shortcuts and theme switches; the page menu; the page. The theme follows the system's light
/// or dark preference until the user picks one, which the browser then remembers. With
/// <c>?kiosk=1</c> the frame is left out and the configured pages follow one another.
/// </summary>
public sealed partial class MainLayout : LayoutComponentBase, IAsyncDisposable
{
    internal const string LightTheme = "material";
    internal const string DarkTheme = "material-dark";
    private const string KioskParameter = "kiosk";

    private bool _sidebarExpanded = true;
    private bool _applyingPreference;
    private bool _kiosk;
    private IJSObjectReference? _module;
    private KeyboardShortcuts? _shortcuts;
    private ITimer? _rotation;

    [Inject]
    private ThemeService Themes { get; set; } = default!;

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
        Themes.ThemeChanged += OnThemeChanged;
        _kiosk = KioskRequested(Navigation.Uri);
        if (RendererInfo.IsInteractive)
        {
            Navigation.LocationChanged += OnLocationChanged;
            Rotate();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/theme.js");
            var preferred = await _module.InvokeAsync<string>("preferredTheme", LightTheme, DarkTheme);
            if (!string.Equals(preferred, Themes.Theme, StringComparison.OrdinalIgnoreCase))
            {
                // Not the user's choice: do not remember it, or the system preference would stick.
                _applyingPreference = true;
                Themes.SetTheme(preferred);
            }
        }
        catch (JSDisconnectedException)
        {
        }
        finally
        {
            _applyingPreference = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Themes.ThemeChanged -= OnThemeChanged;
        Navigation.LocationChanged -= OnLocationChanged;
        if (_rotation is not null)
        {
            await _rotation.DisposeAsync();
        }

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

    private static bool KioskRequested(string uri)
    {
        var query = new Uri(uri).Query;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).TryGetValue(KioskParameter, out var value)
            && value.ToString() is "1" or "true";
    }

    private Task OpenHelpAsync() => _shortcuts?.OpenHelpAsync() ?? Task.CompletedTask;

    private bool IsDark => Themes.Theme?.Contains("dark", StringComparison.OrdinalIgnoreCase) == true;

    private Task ToggleThemeAsync()
    {
        Themes.SetTheme(IsDark ? LightTheme : DarkTheme);
        return Task.CompletedTask;
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

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        var kiosk = KioskRequested(e.Location);
        if (kiosk != _kiosk)
        {
            _kiosk = kiosk;
            StateHasChanged();
            if (_module is not null)
            {
                try
                {
                    await _module.InvokeVoidAsync("markKiosk", kiosk);
                }
                catch (JSDisconnectedException)
                {
                }
            }
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

    private void OnThemeChanged()
    {
        _ = InvokeAsync(StateHasChanged);
        if (_applyingPreference || _module is null)
        {
            return;
        }

        var module = _module;
        var theme = Themes.Theme;
        _ = InvokeAsync(async () =>
        {
            try
            {
                await module.InvokeVoidAsync("rememberTheme", theme);
            }
            catch (JSDisconnectedException)
            {
            }
        });
    }
}
