using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>
/// The app's two palettes, close to the look it had before MudBlazor. Both are written into the
/// page at once: light on <c>:root</c>, dark on <c>:root[data-theme=dark]</c>, so the attribute
/// <c>wwwroot/js/theme-boot.js</c> sets before the first paint picks the palette, and the server
/// never has to know the system's preference. Text colours reach 4.5:1 on their backgrounds.
/// </summary>
internal static class DashboardTheme
{
    // Self-hosted from npm (Dashboard.csproj), the system's own face until it has loaded.
    private static readonly string[] Fonts = ["Roboto Flex Variable", "Roboto", "system-ui", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"];

    /// <summary>The light palette, on the document root.</summary>
    public static MudTheme Light { get; } = Create(":root");

    /// <summary>The dark palette, on the root once it is marked dark.</summary>
    public static MudTheme Dark { get; } = Create(":root[data-theme=dark]");

    private static MudTheme Create(string scope) => new()
    {
        PseudoCss = new PseudoCss { Scope = scope },
        PaletteLight = new PaletteLight
        {
            Primary = "#4340d2",
            PrimaryContrastText = "#ffffff",
            Secondary = "#e31c65",
            Info = "#2196f3",
            Success = "#4caf50",
            Warning = "#ff9800",
            Error = "#f44336",
            TextPrimary = "#424242",
            TextSecondary = "#616161",
            TextDisabled = "#9e9e9e",
            Background = "#f5f5f5",
            Surface = "#ffffff",
            AppbarBackground = "#4340d2",
            AppbarText = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#424242",
            DrawerIcon = "#616161",
            LinesDefault = "#e0e0e0",
            Divider = "#e0e0e0",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#bb86fc",
            PrimaryContrastText = "#000000",
            Secondary = "#01a299",
            Info = "#2196f3",
            Success = "#4caf50",
            Warning = "#ff9800",
            Error = "#f44336",
            TextPrimary = "#e0e0e0",
            TextSecondary = "#b0b0b0",
            TextDisabled = "#7a7a7a",
            Background = "#121212",
            Surface = "#1e1e1e",
            AppbarBackground = "#252525",
            AppbarText = "#e0e0e0",
            DrawerBackground = "#1e1e1e",
            DrawerText = "#e0e0e0",
            DrawerIcon = "#b0b0b0",
            LinesDefault = "#545454",
            Divider = "#545454",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "1rem", LineHeight = "1.5", LetterSpacing = "normal" },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
            Caption = new CaptionTypography { FontFamily = Fonts },
            Overline = new OverlineTypography { FontFamily = Fonts },
            // Buttons say what they do in the words' own case, as before.
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none" },
        },
    };
}
