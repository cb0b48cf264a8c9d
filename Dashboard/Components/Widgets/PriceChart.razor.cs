using Feeds.Producers;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>The last price of one symbol with its bid and ask, live; another symbol redraws it.</summary>
public sealed partial class PriceChart
{
    private IReadOnlyList<ChartSeries> _series = [];

    /// <summary>The ticker symbol to chart, e.g. <c>ACME</c>.</summary>
    [Parameter, EditorRequired]
    public string Symbol { get; set; } = "";

    /// <summary>The price unit shown with the values.</summary>
    [Parameter]
    public string? Unit { get; set; }

    /// <summary>The plot's height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 280;

    /// <summary>The visible time window in seconds; null follows the page's window.</summary>
    [Parameter]
    public int? WindowSeconds { get; set; }

    protected override void OnParametersSet()
    {
        var topic = Quote.TopicPrefix + Symbol;
        if (_series.Count == 0 || _series[0].Topic != topic)
        {
            _series =
            [
                // Last is drawn after bid and ask so it stays on top where the three lines meet.
                new(topic, "bid", "Bid", "--dash-success"),
                new(topic, "ask", "Ask", "--dash-danger"),
                new(topic, "last", "Last", "--dash-primary"),
            ];
        }
    }
}
