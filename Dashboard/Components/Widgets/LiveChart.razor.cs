using Dashboard.Options;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A live time-series chart of number fields of a relay feed's topics, drawn in the browser by
/// uPlot: the window is sent once, then only new points.
/// </summary>
public sealed partial class LiveChart
{
    /// <summary>The relay feed (topic or prefix such as <c>metrics/*</c>) the series' topics come from.</summary>
    [Parameter, EditorRequired]
    public string Feed { get; set; } = "";

    /// <summary>The lines to draw; a changed list redraws the chart from the relay's window.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>The heading above the chart.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>The unit of the values, shown in the title and the hover legend.</summary>
    [Parameter]
    public string? Unit { get; set; }

    /// <summary>The plot's height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = LiveChartView.DefaultHeight;

    /// <summary>The bottom of the value axis; null fits the data.</summary>
    [Parameter]
    public double? YMin { get; set; }

    /// <summary>The top of the value axis; null fits the data.</summary>
    [Parameter]
    public double? YMax { get; set; }

    /// <summary>The visible time window in seconds, ending at the newest point.</summary>
    [Parameter]
    public int WindowSeconds { get; set; } = LiveChartView.DefaultWindowSeconds;

    /// <summary>Warning and critical levels drawn as dashed lines; null draws none.</summary>
    [Parameter]
    public Threshold? Threshold { get; set; }
}
