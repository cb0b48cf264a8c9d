using System.Globalization;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A live quote board: one row per <c>ticker/*</c> topic with the latest quote, its tick
/// direction and a sparkline; choosing a row names the symbol to chart.
/// </summary>
public sealed partial class QuoteBoard
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private readonly SortedDictionary<string, QuoteRow> _rows = new(StringComparer.Ordinal);

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The symbol charted now, highlighted on the board.</summary>
    [Parameter]
    public string? SelectedSymbol { get; set; }

    /// <summary>Raised when the user chooses a symbol, and with the first symbol when none is chosen yet.</summary>
    [Parameter]
    public EventCallback<string> SelectedSymbolChanged { get; set; }

    /// <summary>The symbols to list (the viewer's watchlist); null lists every symbol.</summary>
    [Parameter]
    public IReadOnlyList<string>? Symbols { get; set; }

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Ticker];

    private IEnumerable<QuoteRow> Rows => Symbols is null ? _rows.Values : _rows.Values.Where(r => Symbols.Contains(r.Symbol));

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        foreach (var topic in snapshot.Topics)
        {
            var window = snapshot.Window(topic);
            if (window.Count > 1)
            {
                Apply(window[^2]);
            }

            if (window.Count > 0)
            {
                Apply(window[^1]);
            }
        }
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        foreach (var message in batch)
        {
            Apply(message);
        }
    }

    protected override void OnFeedReset(string feed) => _rows.Clear();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (SelectedSymbol is null && Rows.FirstOrDefault() is { } first)
        {
            await SelectAsync(first.Symbol);
        }
    }

    private Task SelectAsync(string symbol) =>
        string.Equals(symbol, SelectedSymbol, StringComparison.Ordinal) ? Task.CompletedTask : SelectedSymbolChanged.InvokeAsync(symbol);

    private void Apply(FeedMessage message)
    {
        if (!string.Equals(message.Type, Quote.EventType, StringComparison.Ordinal))
        {
            return;
        }

        var quote = message.As<Quote>();
        if (!_rows.TryGetValue(quote.Symbol, out var row))
        {
            _rows.Add(quote.Symbol, new QuoteRow(quote.Symbol, message.Topic, quote));
            return;
        }

        if (quote.Last != row.Quote.Last)
        {
            row.Tick = quote.Last > row.Quote.Last ? "tick-up" : "tick-down";
            if (row.Gate.TryFlash(Clock.GetUtcNow()))
            {
                row.Flash = row.Tick == "tick-up" ? "flash-up" : "flash-down";
                row.Version++;
            }
        }

        row.Quote = quote;
    }

    /// <summary>A board row: the latest quote and which way the last price moved last.</summary>
    private sealed class QuoteRow(string symbol, string topic, Quote quote)
    {
        public string Symbol { get; } = symbol;

        public string Topic { get; } = topic;

        public Quote Quote { get; set; } = quote;

        /// <summary><c>tick-up</c> or <c>tick-down</c>: which way the last price moved last, its colour and arrow.</summary>
        public string Tick { get; set; } = "";

        /// <summary><c>flash-up</c> or <c>flash-down</c>: the last flash allowed; changes only when another is.</summary>
        public string? Flash { get; set; }

        /// <summary>Counts flashes; its parity alternates the flash animation so each one restarts it.</summary>
        public int Version { get; set; }

        public FlashGate Gate { get; } = new();
    }
}
