using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class TopMoversTests : LiveComponentContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void Render_Backfilled_ListsBiggestGainersAndLosersInOrder()
    {
        PublishQuote("ACME", 2.5m);
        PublishQuote("GLOBX", -4m);
        PublishQuote("INIT", 0.5m);
        PublishQuote("UMBR", -1m);
        PublishQuote("STARK", 7m);
        PublishQuote("FLAT", 0m);

        var cut = Render<TopMovers>(p => p.Add(t => t.Count, 2));

        Assert.Equal(["STARK", "ACME"], Symbols(cut, "up"));
        Assert.Equal(["GLOBX", "UMBR"], Symbols(cut, "down"));
        Assert.Contains("+7.00%", cut.Find("[data-symbol=STARK] .change").TextContent, StringComparison.Ordinal);
        Assert.Contains("-4.00%", cut.Find("[data-symbol=GLOBX] .change").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BackfilledManyQuotesPerSymbol_UsesLatest()
    {
        PublishQuote("ACME", 5m);
        PublishQuote("ACME", -3m);

        var cut = Render<TopMovers>();

        Assert.Empty(Symbols(cut, "up"));
        Assert.Equal(["ACME"], Symbols(cut, "down"));
    }

    [Fact]
    public void NewQuote_SymbolTurns_MovesToOtherSide()
    {
        PublishQuote("ACME", 1m);
        PublishQuote("GLOBX", 2m);
        var cut = Render<TopMovers>();
        Assert.Equal(["GLOBX", "ACME"], Symbols(cut, "up"));

        PublishQuote("GLOBX", -6m);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(["ACME"], Symbols(cut, "up"));
            Assert.Equal(["GLOBX"], Symbols(cut, "down"));
        }, Wait);
    }

    [Fact]
    public async Task Dispose_ThenNewQuote_DoesNotRender()
    {
        PublishQuote("ACME", 1m);
        var cut = Render<TopMovers>();
        await DisposeComponentsAsync();
        var renders = cut.RenderCount;
        var witness = Render<TopMovers>();

        PublishQuote("ACME", -2m);

        witness.WaitForAssertion(() => Assert.Equal(["ACME"], Symbols(witness, "down")), Wait);
        await witness.InvokeAsync(() => { });
        Assert.Equal(renders, cut.RenderCount);
    }

    private static string[] Symbols(IRenderedComponent<TopMovers> cut, string direction) =>
        cut.FindAll($"[data-testid=top-mover][data-direction={direction}]").Select(row => row.GetAttribute("data-symbol") ?? "").ToArray();

    private void PublishQuote(string symbol, decimal changePercent)
    {
        const decimal open = 100m;
        var last = open * (1 + (changePercent / 100));
        Publish(DashboardFeeds.Ticker, Quote.TopicPrefix + symbol, Quote.EventType,
            new Quote(symbol, last, last - 0.01m, last + 0.01m, open, Math.Max(open, last), Math.Min(open, last), last - open, changePercent, 1000));
    }
}
