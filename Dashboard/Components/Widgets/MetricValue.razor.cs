using System.Globalization;
using Dashboard.Options;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>One current value with its label, coloured ok, warning or critical by its threshold.</summary>
public sealed partial class MetricValue
{
    /// <summary>The metric's key (<c>cpu</c>, <c>latencyP99Ms</c>...), used in <c>data-metric</c>.</summary>
    [Parameter, EditorRequired]
    public string Metric { get; set; } = "";

    /// <summary>The caption above the number.</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    /// <summary>The current value; null shows a dash.</summary>
    [Parameter]
    public double? Value { get; set; }

    /// <summary>The value as shown, formatted by the caller with its unit (<c>1.2 MB/s</c>); overrides <see cref="Format"/>.</summary>
    [Parameter]
    public string? Text { get; set; }

    /// <summary>A .NET numeric format for the value, e.g. <c>N1</c>.</summary>
    [Parameter]
    public string Format { get; set; } = "N1";

    /// <summary>The unit after the number.</summary>
    [Parameter]
    public string? Unit { get; set; }

    /// <summary>Warning and critical levels; null leaves the value uncoloured.</summary>
    [Parameter]
    public Threshold? Threshold { get; set; }

    /// <summary>The value's level under <see cref="Threshold"/>.</summary>
    public ThresholdLevel Level => Threshold?.LevelOf(Value) ?? ThresholdLevel.Unknown;

    private string Shown => Text ?? Value?.ToString(Format, CultureInfo.CurrentCulture) ?? "–";

    // Colour alone does not carry the level for everyone: the tooltip names it and the limits.
    private string? Tooltip => Threshold is null
        ? null
        : $"{Level}: warning at {Threshold.Warning.ToString(CultureInfo.CurrentCulture)}, critical at {Threshold.Critical.ToString(CultureInfo.CurrentCulture)}";
}
