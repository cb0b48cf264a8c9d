using System.Globalization;
using Dashboard.Components.Controls;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A scrolling band of every symbol's last price and change since the open, like a trading
/// floor's, read from the same <see cref="QuoteBook"/> as the board and rendered with it. It
/// stops when the page is paused or the viewer holds it, and does not scroll at all for those
/// who asked for reduced motion.
/// </summary>
public sealed partial class TickerTape : ComponentBase, IDisposable
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private bool _held;

    [Inject]
    private PageControls Controls { get; set; } = default!;

    /// <summary>The quotes to show; the board reads the same book.</summary>
    [Parameter, EditorRequired]
    public QuoteBook Book { get; set; } = default!;

    /// <summary>The symbols to show, in this order; null shows every symbol.</summary>
    [Parameter]
    public IReadOnlyList<string>? Symbols { get; set; }

    private bool Held => _held || Controls.Paused;

    private IEnumerable<Quote> Shown => Symbols is null
        ? Book.Rows.Select(r => r.Quote)
        : Symbols.Select(Book.Find).OfType<QuoteRow>().Select(r => r.Quote);

    protected override void OnInitialized() => Controls.Changed += OnControlsChanged;

    public void Dispose() => Controls.Changed -= OnControlsChanged;

    // The held look follows the page's pause at once, not at the next quote.
    private void OnControlsChanged() => _ = InvokeAsync(StateHasChanged);
}
