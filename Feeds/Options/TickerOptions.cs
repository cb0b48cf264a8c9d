namespace Feeds.Options;

/// <summary><c>Feeds:Ticker</c>: the simulated <c>ticker/{SYMBOL}</c> topics.</summary>
public sealed class TickerOptions
{
    public static readonly IReadOnlyList<string> DefaultSymbols =
        ["ACME", "GLOBX", "INIT", "UMBR", "STARK", "WAYNE", "TYRL", "CYBD", "SOYL", "OSCP"];

    public bool Enabled { get; set; } = true;

    public int IntervalMs { get; set; } = 250;

    /// <summary>Symbols to quote; empty means the defaults above.</summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>Fixes the random walk for repeatable runs; null seeds from the clock.</summary>
    public int? Seed { get; set; }

    /// <summary>The symbols in force: the configured ones, or the defaults.</summary>
    public IReadOnlyList<string> EffectiveSymbols => Symbols.Count > 0 ? Symbols : DefaultSymbols;
}
