using Bunit;
using Dashboard.Circuits;
using Dashboard.Components.Widgets;
using Dashboard.Relay;
using Feeds.Producers;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

/// <summary>
/// A chart whose circuit loses its browser with a call on the wire: the call ends instead of
/// holding the chart (and later failing the circuit), and once the link is back the chart is
/// drawn again from the relay's window, the events of the drop included.
/// </summary>
[Trait("Tier", "Component")]
public sealed class LiveChartDropTests : WidgetTestContext
{
    [Fact]
    public async Task ConnectionDown_AppendOnTheWire_RedrawsFromRelayWithTheGapOnceUp()
    {
        // Arrange: the browser never answers an append, as when the link goes with it.
        var module = JSInterop.SetupModule(LiveChart.ModulePath);
        var calls = new JsCalls();
        module.SetupVoid("create", invocation => calls.Record("create", invocation)).SetVoidResult();
        module.SetupVoid("append", invocation => calls.Record("append", invocation));
        module.SetupVoid("destroy").SetVoidResult();
        var connection = Services.GetRequiredService<CircuitConnection>();
        PublishQuote(10m, DateTimeOffset.UtcNow.AddSeconds(-3));
        var cut = Render<LiveChart>(p => p
            .Add(c => c.Feed, DashboardFeeds.Ticker)
            .Add(c => c.Series, [new("ticker/ACME", "last", "ACME")]));
        await calls.WaitForAsync("create");
        PublishQuote(11m, DateTimeOffset.UtcNow.AddSeconds(-2));
        await calls.WaitForAsync("append");

        // Act: the link drops, an event comes meanwhile, the link is back and the next one comes.
        await cut.InvokeAsync(() => connection.OnConnectionDownAsync(null!, CancellationToken.None));
        PublishQuote(12m, DateTimeOffset.UtcNow.AddSeconds(-1));
        await cut.InvokeAsync(() => connection.OnConnectionUpAsync(null!, CancellationToken.None));
        PublishQuote(13m);

        // Assert
        var redraw = (await calls.WaitForAsync("create", 2))[1];
        var values = ((double?[])((object[])redraw[2]!)[1]).OfType<double>().ToList();
        Assert.Equal([10.0, 11.0, 12.0], values.Take(3));
    }

    private void PublishQuote(decimal last, DateTimeOffset? at = null) =>
        Publish(DashboardFeeds.Ticker, Quote.TopicPrefix + "ACME", Quote.EventType,
            new Quote("ACME", last, last - 0.01m, last + 0.01m, 10m, last, last, last - 10m, 0m, 100), at);
}
