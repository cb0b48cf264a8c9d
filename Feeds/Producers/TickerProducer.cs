using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>Publishes a simulated <see cref="Quote"/> on <c>ticker/{SYMBOL}</c> for every symbol each <c>Feeds:Ticker:IntervalMs</c>.</summary>
internal sealed class TickerProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IFeedLeadership leadership,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<TickerProducer> logger) : FeedProducer(catalog, leadership, time, logger)
{
    private readonly TickerOptions _options = options.Value.Ticker;
    private readonly SymbolWalk[] _walks = CreateWalks(options.Value.Ticker);

    protected override bool Enabled => _options.Enabled;

    protected override string EnabledKey => "Feeds:Ticker:Enabled";

    protected override int IntervalMs => _options.IntervalMs;

    protected override IEnumerable<TopicInfo> Topics()
    {
        var fields = PayloadFields.Of<Quote>();
        return _walks.Select(walk => new TopicInfo(
            Quote.TopicPrefix + walk.Symbol,
            Quote.EventType,
            $"Simulated quotes for {walk.Symbol}: last, bid and ask, the session's open, high and low, change and volume.",
            fields,
            _options.IntervalMs));
    }

    protected override async ValueTask TickAsync(CancellationToken cancellationToken)
    {
        // The walk steps by the configured interval, not the measured one, so a seeded run repeats
        // exactly however late the timer fires.
        var seconds = _options.IntervalMs / 1000.0;
        foreach (var walk in _walks)
        {
            await hub.PublishAsync(Quote.TopicPrefix + walk.Symbol, Quote.EventType, walk.Next(seconds), cancellationToken).ConfigureAwait(false);
        }
    }

    private static SymbolWalk[] CreateWalks(TickerOptions options)
    {
        // One source for all symbols, stepped in a fixed order, so a seed repeats the whole board.
        var random = options.Seed is { } seed ? new Random(seed) : new Random();
        return options.EffectiveSymbols.Select(symbol => new SymbolWalk(symbol, random)).ToArray();
    }
}
