using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Producers;

/// <summary>Publishes a simulated <see cref="Quote"/> on <c>ticker/{SYMBOL}</c> for every symbol each <c>Feeds:Ticker:IntervalMs</c>.</summary>
internal sealed class TickerProducer(
    FeedHub hub,
    TopicCatalog catalog,
    IOptions<FeedsOptions> options,
    TimeProvider time,
    ILogger<TickerProducer> logger) : BackgroundService
{
    private readonly TickerOptions _options = options.Value.Ticker;
    private readonly SymbolWalk[] _walks = CreateWalks(options.Value.Ticker);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            ProducersLog.Disabled(logger, nameof(TickerProducer), "Feeds:Ticker:Enabled");
            return Task.CompletedTask;
        }

        var fields = PayloadFields.Of<Quote>();
        foreach (var walk in _walks)
        {
            catalog.Declare(new TopicInfo(
                Quote.TopicPrefix + walk.Symbol,
                Quote.EventType,
                $"Simulated quotes for {walk.Symbol}: last, bid and ask, the session's open, high and low, change and volume.",
                fields,
                _options.IntervalMs));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        ProducerLoop.RunAsync(nameof(TickerProducer), TimeSpan.FromMilliseconds(_options.IntervalMs), time, logger, PublishAsync, stoppingToken);

    private async ValueTask PublishAsync(CancellationToken cancellationToken)
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
