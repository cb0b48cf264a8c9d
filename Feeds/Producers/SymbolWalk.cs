namespace Feeds.Producers;

/// <summary>
/// One symbol's simulated trading session. The log price follows geometric Brownian motion with a
/// gentle pull back to the open, so a board left on for days neither sinks to pennies nor runs
/// away; bid and ask sit a few basis points either side; volume grows in lots, faster when the
/// price moves. Not thread-safe: one producer loop drives it.
/// </summary>
internal sealed class SymbolWalk
{
    /// <summary>Stops the walk just above zero, so bid and ask stay positive with a one-cent spread.</summary>
    internal const decimal MinimumPrice = 0.05m;

    private const decimal Cent = 0.01m;
    private const int LotSize = 100;

    // An hour's time constant: intraday moves of a few percent, back to the open over hours.
    private const double ReversionPerSecond = 1.0 / 3600;

    private readonly Random _random;
    private readonly double _volatility;
    private readonly double _spreadBasisPoints;
    private readonly double _lotsPerSecond;
    private readonly double _openLog;
    private double _logPrice;
    private decimal _high;
    private decimal _low;
    private long _volume;

    public SymbolWalk(string symbol, Random random)
    {
        Symbol = symbol;
        _random = random;

        // From the name, not from the random source: after a restart every symbol opens where it
        // did before and moves with the same temperament.
        var openPrice = Math.Exp(Math.Log(15) + (StableHash.Unit(symbol, "price") * (Math.Log(600) - Math.Log(15))));
        Open = Math.Max(ToCents(openPrice), MinimumPrice);

        // Per square-root second of log price: 0.3% to 1.2% a minute, lively on a screen yet
        // still a plausible stock.
        _volatility = 0.0004 + (0.0012 * StableHash.Unit(symbol, "volatility"));
        _spreadBasisPoints = 1 + (4 * StableHash.Unit(symbol, "spread"));
        _lotsPerSecond = 4 + (40 * StableHash.Unit(symbol, "activity"));

        _openLog = Math.Log((double)Open);
        _logPrice = _openLog;
        _high = Open;
        _low = Open;
    }

    public string Symbol { get; }

    /// <summary>The price at the session open: when this walk was created.</summary>
    public decimal Open { get; }

    /// <summary>Moves the walk on by <paramref name="seconds"/> and quotes it.</summary>
    public Quote Next(double seconds)
    {
        var shock = _random.NextGaussian();
        var variance = _volatility * _volatility * seconds;

        // The -variance/2 term keeps the mean price, not just the mean log price, where the drift puts it.
        _logPrice += (-ReversionPerSecond * (_logPrice - _openLog) * seconds) - (variance / 2) + (Math.Sqrt(variance) * shock);

        var last = Math.Max(ToCents(Math.Exp(_logPrice)), MinimumPrice);
        _high = Math.Max(_high, last);
        _low = Math.Min(_low, last);

        var halfSpread = Math.Max(Cent, ToCents((double)last * _spreadBasisPoints * _random.NextDouble(0.5, 1.5) / 10_000));
        halfSpread = Math.Min(halfSpread, last - Cent);

        // Trading picks up when the price jumps, as it does on a real tape.
        var lots = (long)Math.Floor(_lotsPerSecond * seconds * _random.NextDouble(0.2, 1.8) * (1 + Math.Abs(shock)));
        _volume += lots * LotSize;

        var change = last - Open;
        return new Quote(
            Symbol,
            last,
            last - halfSpread,
            last + halfSpread,
            Open,
            _high,
            _low,
            change,
            Math.Round(change / Open * 100, 2, MidpointRounding.AwayFromZero),
            _volume);
    }

    private static decimal ToCents(double price) => Math.Round((decimal)price, 2, MidpointRounding.AwayFromZero);
}
