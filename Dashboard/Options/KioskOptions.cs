namespace Dashboard.Options;

/// <summary>The <c>Dashboard:Kiosk</c> section: what a wall screen in kiosk mode (<c>?kiosk=1</c>) shows in turn.</summary>
public sealed class KioskOptions
{
    public static readonly IReadOnlyList<string> DefaultPages = ["/", "/monitoring", "/ticker"];

    /// <summary>The pages shown in turn, as paths.</summary>
    public List<string> Pages { get; set; } = [];

    /// <summary>How long each page stays; 0 stays on the page opened.</summary>
    public int RotateSeconds { get; set; } = 30;

    public IReadOnlyList<string> EffectivePages => Pages.Count > 0 ? Pages : DefaultPages;
}
