using System.Globalization;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A scrolling band of every symbol's last price and change, like a trading floor's. It stops
/// when the page is paused or the viewer holds it, and does not scroll at all for those who
/// asked for reduced motion.
/// </summary>
public sealed partial class TickerTape
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    // A tape is read in passing, and it shows every quote twice: once a second is enough, and a
    // quarter of the circuit traffic a render per batch would cost.
    private static readonly TimeSpan RenderEvery = TimeSpan.FromSeconds(1);

    private readonly SortedDictionary<string, Quote> _quotes = new(StringComparer.Ordinal);
    private DateTimeOffset _rendered;
    private bool _held;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The symbols to show, in this order; null shows every symbol.</summary>
    [Parameter]
    public IReadOnlyList<string>? Symbols { get; set; }

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Ticker];

    private bool Held => _held || Controls.Paused;

    private IEnumerable<Quote> Shown => Symbols is null
        ? _quotes.Values
        : Symbols.Select(s => _quotes.GetValueOrDefault(s)).OfType<Quote>();

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        foreach (var topic in snapshot.Topics)
        {
            if (snapshot.Latest(topic) is { } latest)
            {
                Apply(latest);
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

    protected override void OnFeedReset(string feed) => _quotes.Clear();

    protected override Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        OnMessages(batch);
        var now = Clock.GetUtcNow();
        if (now - _rendered >= RenderEvery)
        {
            _rendered = now;
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    // The held look follows the page's pause at once, not at the next quote.
    protected override Task OnControlsChangedAsync()
    {
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void Apply(FeedMessage message)
    {
        if (string.Equals(message.Type, Quote.EventType, StringComparison.Ordinal))
        {
            var quote = message.As<Quote>();
            _quotes[quote.Symbol] = quote;
        }
    }
}
