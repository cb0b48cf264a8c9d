using Dashboard.Options;

namespace Dashboard.Components.Widgets;

/// <summary>One line of a <see cref="LiveChart"/>: a number field of one topic's events.</summary>
/// <param name="Topic">The topic whose events carry the value, e.g. <c>ticker/ACME</c>.</param>
/// <param name="Field">The JSON property of the event's data, e.g. <c>last</c> or <c>cpu</c>.</param>
/// <param name="Label">The name shown in the legend.</param>
/// <param name="Color">A CSS colour or theme variable (<c>--dash-success</c>); null picks one from the theme.</param>
/// <param name="Threshold">This series' own warning and critical lines, labelled with it; for charts whose series have different levels.</param>
public sealed record ChartSeries(string Topic, string Field, string Label, string? Color = null, Threshold? Threshold = null);
