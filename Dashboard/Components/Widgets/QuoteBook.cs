using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The latest quote of every symbol the page has seen, with which way its last price moved:
/// the one source the tape and the board both read, so they never show two values for one
/// symbol in the same frame.
/// </summary>
public sealed class QuoteBook
{
    private readonly SortedDictionary<string, QuoteRow> _rows = new(StringComparer.Ordinal);

    /// <summary>Every symbol's row, in symbol order.</summary>
    public IEnumerable<QuoteRow> Rows => _rows.Values;

    public bool IsEmpty => _rows.Count == 0;

    public QuoteRow? Find(string symbol) => _rows.GetValueOrDefault(symbol);

    /// <summary>The last two quotes of each topic: enough to know the last move.</summary>
    public void Backfill(RelaySnapshot snapshot, DateTimeOffset now)
    {
        foreach (var topic in snapshot.Topics)
        {
            var window = snapshot.Window(topic);
            for (var i = Math.Max(0, window.Count - 2); i < window.Count; i++)
            {
                Apply(window[i], now);
            }
        }
    }

    public void Apply(FeedMessage message, DateTimeOffset now)
    {
        if (!string.Equals(message.Type, Quote.EventType, StringComparison.Ordinal))
        {
            return;
        }

        var quote = message.As<Quote>();
        if (_rows.TryGetValue(quote.Symbol, out var row))
        {
            row.Apply(quote, now);
        }
        else
        {
            _rows.Add(quote.Symbol, new QuoteRow(quote.Symbol, message.Topic, quote));
        }
    }

    public void Clear() => _rows.Clear();
}
