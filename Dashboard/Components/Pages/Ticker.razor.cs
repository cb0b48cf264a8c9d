namespace Dashboard.Components.Pages;

/// <summary>The quote board with one larger chart of the symbol chosen on it.</summary>
public sealed partial class Ticker
{
    // Null until the board has quotes; it then picks its first symbol.
    private string? _symbol;
}
