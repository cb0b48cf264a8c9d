using Dashboard.Components.Controls;
using Dashboard.Components.Widgets;
using Dashboard.Options;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Options;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Dashboard.Components.Pages;

/// <summary>
/// The ticker tape, the chosen symbol's price and candle charts, and the quote board, each
/// limited to the viewer's watchlist, which this browser remembers (wwwroot/js/watchlist.js).
/// The page owns the quotes, so the tape and the board show the same ones in each render; the
/// chosen symbol is in the address (<c>?symbol=ACME</c>).
/// </summary>
public sealed partial class Ticker
{
    internal const string SymbolKey = "symbol";

    private readonly QuoteBook _book = new();

    // Null until the board has quotes; it then picks its first symbol.
    private string? _symbol;

    // Null: every symbol. Otherwise in the order of _symbols.
    private IReadOnlyList<string>? _watchlist;
    private IReadOnlyList<string> _symbols = [];
    private IJSObjectReference? _module;

    [Inject]
    private FeedRelay Relay { get; set; } = default!;

    [Inject]
    private IOptions<DashboardOptions> Options { get; set; } = default!;

    [Inject]
    private IOptions<FeedsOptions> FeedsOptions { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private UrlState Url { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Ticker];

    protected override void OnInitialized()
    {
        // The symbols the relay has seen and, hosting the feeds, the configured ones (a fresh
        // server may not have sent them all yet).
        var seen = Relay.Feed(DashboardFeeds.Ticker).Snapshot().Topics
            .Where(t => t.StartsWith(Quote.TopicPrefix, StringComparison.Ordinal))
            .Select(t => t[Quote.TopicPrefix.Length..]);
        var configured = Options.Value.FeedsUrl.Length == 0 ? FeedsOptions.Value.Ticker.EffectiveSymbols : [];
        _symbols = seen.Concat(configured).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (Url.Get(SymbolKey) is { } asked && _symbols.Contains(asked, StringComparer.OrdinalIgnoreCase))
        {
            _symbol = _symbols.First(s => string.Equals(s, asked, StringComparison.OrdinalIgnoreCase));
        }

        base.OnInitialized();
    }

    protected override void OnBackfill(string feed, RelaySnapshot snapshot) => _book.Backfill(snapshot, Clock.GetUtcNow());

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        var now = Clock.GetUtcNow();
        foreach (var message in batch)
        {
            _book.Apply(message, now);
        }
    }

    protected override void OnFeedReset(string feed) => _book.Clear();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/watchlist.js");
        var saved = await _module.InvokeAsync<string[]?>("load");
        if (saved is not null)
        {
            _watchlist = _symbols.Where(saved.Contains).ToArray();
            KeepSelectionWatched();
            StateHasChanged();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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

    private bool Watches(string symbol) => _watchlist is null || _watchlist.Contains(symbol);

    private void ChooseSymbol(string symbol)
    {
        _symbol = symbol;
        Url.Set(SymbolKey, symbol);
    }

    private Task ToggleAsync(string symbol, bool watch)
    {
        var current = _watchlist ?? _symbols;
        _watchlist = _symbols.Where(s => s == symbol ? watch : current.Contains(s)).ToArray();
        KeepSelectionWatched();
        return SaveAsync(_watchlist);
    }

    private Task WatchAllAsync()
    {
        _watchlist = null;
        return SaveAsync(null);
    }

    // The chart follows the board: a symbol taken off the watchlist gives way to the first watched one.
    private void KeepSelectionWatched()
    {
        if (_symbol is not null && !Watches(_symbol))
        {
            _symbol = _watchlist!.FirstOrDefault();
            Url.Set(SymbolKey, _symbol);
        }
    }

    private async Task SaveAsync(IReadOnlyList<string>? symbols)
    {
        if (_module is not null)
        {
            // Cast, or a null list binds to the params array itself and JS gets no argument.
            await _module.InvokeVoidAsync("save", (object?)symbols);
        }
    }
}
