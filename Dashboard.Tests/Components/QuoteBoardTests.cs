using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class QuoteBoardTests : WidgetTestContext
{
    [Fact]
    public void Render_WithWindow_ShowsRowPerSymbolWithLatestQuote()
    {
        PublishQuote("GLOBX", 20m);
        PublishQuote("ACME", 10m);
        PublishQuote("ACME", 10.5m);

        var cut = Render<QuoteBoard>();

        var rows = cut.FindAll("[data-testid=quote-row]");
        Assert.Equal(["ACME", "GLOBX"], rows.Select(r => r.GetAttribute("data-symbol")));
        Assert.Equal("10.50", rows[0].QuerySelector("[data-testid=quote-price]")!.TextContent);
        Assert.Equal("▲", rows[0].QuerySelector("[data-testid=quote-last] .arrow")!.TextContent);
        Assert.Contains("tick-up", rows[0].QuerySelector("[data-testid=quote-last]")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=sparkline]").Count);
    }

    [Fact]
    public void NewQuote_Published_UpdatesLastAndMarksDown()
    {
        PublishQuote("ACME", 10m);
        var cut = Render<QuoteBoard>();

        PublishQuote("ACME", 9.75m);

        cut.WaitForAssertion(() => Assert.Equal("9.75", cut.Find("[data-testid=quote-price]").TextContent), Wait);
        Assert.Contains("tick-down", cut.Find("[data-testid=quote-last]").ClassName, StringComparison.Ordinal);
        Assert.Contains("▼", cut.Find("[data-testid=quote-row] td.down").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSelection_QuotesArrive_SelectsFirstSymbol_AndClickChoosesAnother()
    {
        PublishQuote("ACME", 10m);
        PublishQuote("GLOBX", 20m);
        string? selected = null;
        var cut = Render<QuoteBoard>(p => p.Add(c => c.SelectedSymbolChanged, s => selected = s));

        cut.WaitForAssertion(() => Assert.Equal("ACME", selected), Wait);
        cut.Render(p => p.Add(c => c.SelectedSymbol, selected));
        // A live render (the feed's state settling) can replace the handler between Find and Click.
        cut.WaitForAssertion(() => cut.Find("[data-symbol=GLOBX] button.symbol").Click(), Wait);

        Assert.Equal("GLOBX", selected);
    }

    [Fact]
    public async Task Dispose_AfterRender_StopsUpdating()
    {
        PublishQuote("ACME", 10m);
        var first = Render<QuoteBoard>();

        await DisposeComponentsAsync();
        var updates = 0;
        first.OnMarkupUpdated += (_, _) => Interlocked.Increment(ref updates);
        PublishQuote("ACME", 11m);
        var second = Render<QuoteBoard>();
        PublishQuote("ACME", 12m);

        second.WaitForAssertion(() => Assert.Equal("12.00", second.Find("[data-testid=quote-price]").TextContent), Wait);
        Assert.True(first.IsDisposed);
        Assert.Equal(0, Volatile.Read(ref updates));
    }

    private void PublishQuote(string symbol, decimal last) =>
        Publish(DashboardFeeds.Ticker, Quote.TopicPrefix + symbol, Quote.EventType,
            new Quote(symbol, last, last - 0.01m, last + 0.01m, 10m, last, last, last - 10m, (last - 10m) * 10m, 1000));
}
