using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class LiveChartTests : WidgetTestContext
{
    private readonly JsCalls _js;

    public LiveChartTests() => _js = RecordModule(LiveChart.ModulePath, "create", "append", "destroy");

    [Fact]
    public async Task Render_WithWindow_SendsBackfillOnceAlignedOnX()
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(-10);
        PublishQuote("ACME", 10.5m, start);
        PublishQuote("GLOBX", 20.25m, start.AddMilliseconds(100));
        PublishQuote("ACME", 10.75m, start.AddSeconds(1));

        var cut = Render<LiveChart>(p => p
            .Add(c => c.Feed, DashboardFeeds.Ticker)
            .Add(c => c.Series, [new("ticker/ACME", "last", "ACME"), new("ticker/GLOBX", "last", "GLOBX")])
            .Add(c => c.Title, "Prices"));

        var create = Assert.Single(await _js.WaitForAsync("create"));
        var data = (object[])create[2]!;
        var xs = (double[])data[0];
        Assert.Equal(3, xs.Length);
        Assert.Equal([10.5, null, 10.75], (double?[])data[1]);
        Assert.Equal([null, 20.25, null], (double?[])data[2]);
        Assert.Equal(start.AddSeconds(1).ToUnixTimeMilliseconds() / 1000.0, xs[^1], 3);
        Assert.Contains("Prices", cut.Find("figcaption").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=live-chart]"));
    }

    [Fact]
    public async Task NewEvents_AfterBackfill_SendOnlyNewPoints()
    {
        PublishQuote("ACME", 10m, DateTimeOffset.UtcNow.AddSeconds(-2));
        RenderAcme();
        await _js.WaitForAsync("create");

        PublishQuote("GLOBX", 99m);
        PublishQuote("ACME", 11m);

        var append = Assert.Single(await _js.WaitForAsync("append"));
        Assert.Single((double[])append[1]!);
        Assert.Equal([11.0], ((double?[][])append[2]!)[0]);
        Assert.Single(_js["create"]);
    }

    [Fact]
    public async Task SeriesChange_RecreatesChartFromWindow()
    {
        PublishQuote("ACME", 10m, DateTimeOffset.UtcNow.AddSeconds(-3));
        PublishQuote("GLOBX", 20m, DateTimeOffset.UtcNow.AddSeconds(-2));
        var cut = RenderAcme();
        await _js.WaitForAsync("create");

        cut.Render(p => p.Add(c => c.Series, [new("ticker/GLOBX", "last", "GLOBX")]));

        var creates = await _js.WaitForAsync("create", 2);
        Assert.Equal([20.0], (double?[])((object[])creates[1][2]!)[1]);
    }

    [Fact]
    public async Task Dispose_AfterRender_DestroysChartAndStopsListening()
    {
        RenderAcme();
        await _js.WaitForAsync("create");

        await DisposeComponentsAsync();
        PublishQuote("ACME", 12m);
        RenderAcme();
        await _js.WaitForAsync("create", 2);
        PublishQuote("ACME", 13m);

        // Only the second chart gets an append, and only the event after it was created.
        var appends = await _js.WaitForAsync("append");
        Assert.Single(_js["destroy"]);
        Assert.Equal([13.0], appends.SelectMany(a => ((double?[][])a[2]!)[0]));
    }

    private IRenderedComponent<LiveChart> RenderAcme() => Render<LiveChart>(p => p
        .Add(c => c.Feed, DashboardFeeds.Ticker)
        .Add(c => c.Series, [new("ticker/ACME", "last", "ACME")]));

    private void PublishQuote(string symbol, decimal last, DateTimeOffset? at = null) =>
        Publish(DashboardFeeds.Ticker, Quote.TopicPrefix + symbol, Quote.EventType,
            new Quote(symbol, last, last - 0.01m, last + 0.01m, 10m, last, last, last - 10m, 0m, 100), at);
}
