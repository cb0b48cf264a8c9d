using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class QuoteBoardTests : WidgetTestContext
{
    private readonly QuoteBook _book = new();

    [Fact]
    public void Render_WithBook_ShowsRowPerSymbolWithLatestQuote()
    {
        Apply("GLOBX", 20m);
        Apply("ACME", 10m);
        Apply("ACME", 10.5m);

        var cut = Render<QuoteBoard>(p => p.Add(c => c.Book, _book));

        var rows = cut.FindAll("[data-testid=quote-row]");
        Assert.Equal(["ACME", "GLOBX"], rows.Select(r => r.GetAttribute("data-symbol")));
        Assert.Equal("10.50", rows[0].QuerySelector("[data-testid=quote-price]")!.TextContent);
        Assert.Equal("▲", rows[0].QuerySelector("[data-testid=quote-last] .arrow")!.TextContent);
        Assert.Contains("tick-up", rows[0].QuerySelector("[data-testid=quote-last]")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=sparkline]").Count);
    }

    [Fact]
    public void NewQuote_Lower_MarksLastDownAndChangeBySinceOpenOnly()
    {
        Apply("ACME", 12m, open: 10m);
        var cut = Render<QuoteBoard>(p => p.Add(c => c.Book, _book));

        // Down from the trade before, still up since the open: the two cells say each their own thing.
        Apply("ACME", 11.75m, open: 10m);
        cut.Render(p => p.Add(c => c.Book, _book));

        Assert.Equal("11.75", cut.Find("[data-testid=quote-price]").TextContent);
        Assert.Contains("tick-down", cut.Find("[data-testid=quote-last]").ClassName, StringComparison.Ordinal);
        Assert.Equal("▼", cut.Find("[data-testid=quote-last] .arrow").TextContent);
        var change = cut.Find("[data-testid=quote-change]");
        Assert.Equal("+1.75", change.TextContent);
        Assert.Contains("up", change.ClassList);
        Assert.DoesNotContain("▲", change.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.0004)]
    [InlineData(-0.0004)]
    public void Change_ShownAsZero_IsNeutralWithoutSign(double change)
    {
        Apply("ACME", 10m + (decimal)change, open: 10m);

        var cut = Render<QuoteBoard>(p => p.Add(c => c.Book, _book));

        var cell = cut.Find("[data-testid=quote-change]");
        Assert.Equal("0.00", cell.TextContent);
        Assert.Contains("flat", cell.ClassList);
        Assert.Equal("0.00%", cut.Find("[data-testid=quote-change-percent]").TextContent);
        Assert.Contains("flat", cut.Find("[data-testid=quote-change-percent]").ClassList);
    }

    [Fact]
    public void Board_Rendered_HasLegendSayingWhatArrowsAndColoursMean()
    {
        Apply("ACME", 10m);

        var cut = Render<QuoteBoard>(p => p.Add(c => c.Book, _book));

        var legend = cut.Find("[data-testid=board-legend]").TextContent;
        Assert.Contains("against the trade before it", legend, StringComparison.Ordinal);
        Assert.Contains("since the session's open", legend, StringComparison.Ordinal);
        Assert.Contains("unchanged", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyWatchlist_SaysSoInsteadOfWaiting()
    {
        Apply("ACME", 10m);

        var cut = Render<QuoteBoard>(p => p.Add(c => c.Book, _book).Add(c => c.Symbols, Array.Empty<string>()));

        Assert.Empty(cut.FindAll("[data-testid=quote-row]"));
        Assert.StartsWith("Your watchlist is empty", cut.Find("[data-testid=board-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSelection_QuotesArrive_SelectsFirstSymbol_AndClickChoosesAnother()
    {
        Apply("ACME", 10m);
        Apply("GLOBX", 20m);
        string? selected = null;
        var cut = Render<QuoteBoard>(p => p.Add(c => c.Book, _book).Add(c => c.SelectedSymbolChanged, s => selected = s));

        cut.WaitForAssertion(() => Assert.Equal("ACME", selected), Wait);
        cut.Render(p => p.Add(c => c.SelectedSymbol, selected));
        cut.Find("[data-symbol=GLOBX] button.symbol").Click();

        Assert.Equal("GLOBX", selected);
    }

    private void Apply(string symbol, decimal last, decimal open = 10m) =>
        _book.Apply(Publish(DashboardFeeds.Ticker, Quote.TopicPrefix + symbol, Quote.EventType,
            new Quote(symbol, last, last - 0.01m, last + 0.01m, open, last, last, last - open, (last - open) / open * 100m, 1000)), DateTimeOffset.UtcNow);
}
