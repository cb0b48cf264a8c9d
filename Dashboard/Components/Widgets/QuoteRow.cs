using Feeds.Producers;

namespace Dashboard.Components.Widgets;

/// <summary>One symbol in a <see cref="QuoteBook"/>: the latest quote and which way the last price moved last.</summary>
public sealed class QuoteRow(string symbol, string topic, Quote quote)
{
    private readonly FlashGate _gate = new();

    public string Symbol { get; } = symbol;

    public string Topic { get; } = topic;

    public Quote Quote { get; private set; } = quote;

    /// <summary>The last price's last move against the trade before it; <see cref="Direction.Flat"/> until it has moved.</summary>
    public Direction Tick { get; private set; } = Direction.Flat;

    /// <summary>The last flash allowed, up or down; changes only when another is.</summary>
    public Direction? Flash { get; private set; }

    /// <summary>Counts flashes; its parity alternates the flash animation so each one restarts it.</summary>
    public int Version { get; private set; }

    internal void Apply(Quote quote, DateTimeOffset now)
    {
        if (quote.Last != Quote.Last)
        {
            Tick = quote.Last > Quote.Last ? Direction.Up : Direction.Down;
            if (_gate.TryFlash(now))
            {
                Flash = Tick;
                Version++;
            }
        }

        Quote = quote;
    }
}
