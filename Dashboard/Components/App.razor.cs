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

    // The theme this browser showed last, so the page arrives in it; the boot script corrects a
    // first visit before the first paint.
    private string Theme => HttpContext?.Request.Cookies[ThemeCookie] == MainLayout.DarkTheme ? MainLayout.DarkTheme : MainLayout.LightTheme;
}
