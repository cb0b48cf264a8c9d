using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A live quote board: one row per symbol of a <see cref="QuoteBook"/> with the latest quote,
/// its last move and a sparkline; choosing a row names the symbol to chart. The page that owns
/// the book renders it at each batch.
/// </summary>
public sealed partial class QuoteBoard
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The quotes to show; the tape reads the same book.</summary>
    [Parameter, EditorRequired]
    public QuoteBook Book { get; set; } = default!;

    /// <summary>The symbol charted now, highlighted on the board.</summary>
    [Parameter]
    public string? SelectedSymbol { get; set; }

    /// <summary>Raised when the user chooses a symbol, and with the first symbol when none is chosen yet.</summary>
    [Parameter]
    public EventCallback<string> SelectedSymbolChanged { get; set; }

    /// <summary>The symbols to list (the viewer's watchlist); null lists every symbol.</summary>
    [Parameter]
    public IReadOnlyList<string>? Symbols { get; set; }

    private IEnumerable<QuoteRow> Rows => Symbols is null ? Book.Rows : Book.Rows.Where(r => Symbols.Contains(r.Symbol));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (SelectedSymbol is null && Rows.FirstOrDefault() is { } first)
        {
            await SelectAsync(first.Symbol);
        }
    }

    private Task SelectAsync(string symbol) =>
        string.Equals(symbol, SelectedSymbol, StringComparison.Ordinal) ? Task.CompletedTask : SelectedSymbolChanged.InvokeAsync(symbol);
}
