using System.Text.Json;
using Dashboard.Tests.Shared;
using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Feeds.Producers;

[Trait("Tier", "Unit")]
public sealed class TickerProducerTests
{
    [Fact]
    public async Task ExecuteAsync_OneInterval_PublishesOneQuotePerSymbol()
    {
        var time = new TimerCountingTimeProvider();
        using var feeds = HubFactory.Create(time: time);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("ticker/*"));
        var producer = Create(feeds, time);
        await producer.StartOnFakeClockAsync(time);
        var symbols = TickerOptions.DefaultSymbols;

        time.Advance(TimeSpan.FromMilliseconds(250));
        var first = await subscription.Reader.NextAsync(symbols.Count);
        time.Advance(TimeSpan.FromMilliseconds(250));
        var second = await subscription.Reader.NextAsync(symbols.Count);
        await producer.StopAndDisposeAsync();

        foreach (var (tick, at) in new[] { (first, 250), (second, 500) })
        {
            Assert.Equal(symbols.Select(s => "ticker/" + s), tick.Select(e => e.Topic));
            Assert.All(tick, e => Assert.Equal("quote", e.Type));
            Assert.All(tick, e => Assert.Equal(new TimerCountingTimeProvider().GetUtcNow().AddMilliseconds(at), e.Timestamp));
            Assert.Equal(symbols, tick.Select(e => Read(e).Symbol));
        }

        Assert.Empty(subscription.Reader.Drain());
    }

    [Fact]
    public async Task ExecuteAsync_ManyTicks_QuotesKeepTheirInvariants()
    {
        const int Ticks = 400;
        var time = new TimerCountingTimeProvider();
        var options = new FeedsOptions { Ticker = { Symbols = ["ACME", "CHEAP", "PRICY"], Seed = 42, IntervalMs = 250 } };
        using var feeds = HubFactory.Create(options, time);
        using var subscription = await feeds.Hub.SubscribeAsync(TopicFilter.Parse("ticker/*"));
        var producer = Create(feeds, time);
        await producer.StartOnFakeClockAsync(time);

        var quotes = new List<Quote>();
        for (var i = 0; i < Ticks; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            quotes.AddRange((await subscription.Reader.NextAsync(3)).Select(Read));
        }

        await producer.StopAndDisposeAsync();

        Assert.All(quotes, AssertConsistent);
        foreach (var bySymbol in quotes.GroupBy(q => q.Symbol))
        {
            var series = bySymbol.ToList();
            Assert.Equal(Ticks, series.Count);
            Assert.Single(series.Select(q => q.Open).Distinct());
            Assert.All(series.Zip(series.Skip(1)), pair =>
            {
                Assert.True(pair.Second.Volume >= pair.First.Volume, "volume went down");
                Assert.True(pair.Second.High >= pair.First.High, "the session high went down");
                Assert.True(pair.Second.Low <= pair.First.Low, "the session low went up");
            });
            Assert.True(series.Select(q => q.Last).Distinct().Count() > 20, $"{bySymbol.Key} barely moved");
            Assert.True(series[^1].Volume > 0);
        }
    }

    [Fact]
    public void Next_SameSeed_SameQuotes()
    {
        var a = new SymbolWalk("ACME", new Random(7));
        var b = new SymbolWalk("ACME", new Random(7));

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.Next(0.25), b.Next(0.25));
        }
    }

    [Fact]
    public void Open_SameSymbol_SameWhateverTheSeed()
    {
        Assert.Equal(new SymbolWalk("ACME", new Random(1)).Open, new SymbolWalk("ACME", new Random(2)).Open);
        var opens = TickerOptions.DefaultSymbols.Select(s => new SymbolWalk(s, new Random(1)).Open).ToList();
        Assert.True(opens.Distinct().Count() > opens.Count / 2, "symbols should not all open at the same price");
        Assert.All(opens, open => Assert.InRange(open, 10m, 700m));
    }

    [Fact]
    public void Next_AFullDayOfTicks_StaysPositiveAndNearItsOpen()
    {
        foreach (var symbol in TickerOptions.DefaultSymbols)
        {
            var walk = new SymbolWalk(symbol, new Random(symbol.Length));
            Quote? last = null;
            for (var i = 0; i < 24 * 3600; i++)
            {
                last = walk.Next(1);
                Assert.True(last.Bid > 0);
            }

            Assert.InRange(last!.Last, walk.Open / 3, walk.Open * 3);
            AssertConsistent(last);
        }
    }

    [Fact]
    public async Task StartAsync_Enabled_DeclaresATopicPerSymbol()
    {
        var time = new TimerCountingTimeProvider();
        using var feeds = HubFactory.Create(new FeedsOptions { Ticker = { Symbols = ["ACME", "GLOBX"], IntervalMs = 100 } }, time);
        var producer = Create(feeds, time);

        await producer.StartOnFakeClockAsync(time);
        await producer.StopAndDisposeAsync();

        var topics = feeds.Catalog.All();
        Assert.Equal(["ticker/ACME", "ticker/GLOBX"], topics.Select(t => t.Topic));
        Assert.All(topics, t => Assert.Equal(("quote", 100), (t.Type, t.IntervalMs)));
        Assert.Equal(
            ["symbol", "last", "bid", "ask", "open", "high", "low", "change", "changePercent", "volume"],
            topics[0].Fields);
    }

    private static void AssertConsistent(Quote q)
    {
        Assert.True(q.Bid < q.Last && q.Last < q.Ask, $"{q.Symbol}: bid {q.Bid} last {q.Last} ask {q.Ask}");
        Assert.True(q.Low <= q.Last && q.Last <= q.High, $"{q.Symbol}: low {q.Low} last {q.Last} high {q.High}");
        Assert.True(q.Bid > 0 && q.Open > 0);
        Assert.Equal(q.Last - q.Open, q.Change);
        Assert.Equal(Math.Round(q.Change / q.Open * 100, 2, MidpointRounding.AwayFromZero), q.ChangePercent);
        Assert.All(new[] { q.Last, q.Bid, q.Ask, q.Open, q.High, q.Low }, price => Assert.Equal(Math.Round(price, 2), price));
        Assert.True(q.Ask - q.Bid <= Math.Max(0.02m, q.Last * 0.002m), $"{q.Symbol}: spread {q.Ask - q.Bid} is not small");
    }

    private static Quote Read(FeedEvent e) => JsonSerializer.Deserialize<Quote>(e.Data, FeedJson.Options)!;

    private static TickerProducer Create(TestHub feeds, TimerCountingTimeProvider time) =>
        new(feeds.Hub, feeds.Catalog, SoleLeadership.Default, feeds.Options, time, NullLogger<TickerProducer>.Instance);
}
