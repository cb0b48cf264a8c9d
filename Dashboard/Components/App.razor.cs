using Dashboard.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Components;

/// <summary>The document: head, theme and the interactive app.</summary>
public sealed partial class App : ComponentBase
{
    /// <summary>The cookie <c>wwwroot/js/theme-boot.js</c> writes with the theme the browser shows.</summary>
    internal const string ThemeCookie = "dashboard.theme";

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    // The theme this browser showed last (also under the name an earlier version wrote), so the
    // page arrives marked with it; the boot script corrects a first visit before the first paint.
    private string Theme => HttpContext?.Request.Cookies[ThemeCookie] is MainLayout.DarkTheme or "material-dark" ? MainLayout.DarkTheme : MainLayout.LightTheme;
}
