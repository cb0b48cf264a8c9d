using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Radzen;

namespace Dashboard.Components.Layout;

/// <summary>
/// The frame of every page: header with the app name, the feeds' connection state and the
/// theme switch; the page menu; the page. The theme follows the system's light or dark
/// preference until the user picks one, which the browser then remembers.
/// </summary>
public sealed partial class MainLayout : LayoutComponentBase, IAsyncDisposable
{
    private const string LightTheme = "material";
    private const string DarkTheme = "material-dark";

    private bool _sidebarExpanded = true;
    private bool _applyingPreference;
    private IJSObjectReference? _module;

    [Inject]
    private ThemeService Themes { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized() => Themes.ThemeChanged += OnThemeChanged;

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

    private void OnThemeChanged()
    {
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
