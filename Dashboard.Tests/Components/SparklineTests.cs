using Bunit;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Component")]
public sealed class SparklineTests : WidgetTestContext
{
    private readonly JsCalls _js;

    public SparklineTests() => _js = RecordModule(Sparkline.ModulePath, "create", "append", "destroy");

    [Fact]
    public async Task Render_WithWindow_SendsRecentPointsOfItsTopicOnce()
    {
        PublishQuote("ACME", 9m, DateTimeOffset.UtcNow.AddMinutes(-5));
        PublishQuote("ACME", 10m, DateTimeOffset.UtcNow.AddSeconds(-5));
        PublishQuote("GLOBX", 50m, DateTimeOffset.UtcNow.AddSeconds(-4));
        PublishQuote("ACME", 11m, DateTimeOffset.UtcNow.AddSeconds(-3));

        var cut = RenderAcme();

        var create = Assert.Single(await _js.WaitForAsync("create"));
        Assert.Equal([10.0, 11.0], (double[])create[3]!);
        Assert.NotNull(cut.Find("canvas[data-testid=sparkline]"));
    }

    [Fact]
    public async Task NewEvents_AfterCreate_AppendOnlyNewPointsOfItsTopic()
    {
        PublishQuote("ACME", 10m);
        RenderAcme();
        await _js.WaitForAsync("create");

        PublishQuote("GLOBX", 50m);
        PublishQuote("ACME", 12m);

        var append = Assert.Single(await _js.WaitForAsync("append"));
        Assert.Equal([12.0], (double[])append[2]!);
    }

    [Fact]
    public async Task Dispose_AfterRender_DestroysAndStopsListening()
    {
        RenderAcme();
        await _js.WaitForAsync("create");

        await DisposeComponentsAsync();
        PublishQuote("ACME", 12m);
        RenderAcme();
        await _js.WaitForAsync("create", 2);
        PublishQuote("ACME", 13m);

        var appends = await _js.WaitForAsync("append");
        Assert.Single(_js["destroy"]);
        Assert.Equal([13.0], appends.SelectMany(a => (double[])a[2]!));
    }

    private IRenderedComponent<Sparkline> RenderAcme() => Render<Sparkline>(p => p
        .Add(c => c.Feed, DashboardFeeds.Ticker)
        .Add(c => c.Topic, "ticker/ACME")
        .Add(c => c.Field, "last"));

    private void PublishQuote(string symbol, decimal last, DateTimeOffset? at = null) =>
        Publish(DashboardFeeds.Ticker, Quote.TopicPrefix + symbol, Quote.EventType,
            new Quote(symbol, last, last, last, last, last, last, 0m, 0m, 1), at);
}
