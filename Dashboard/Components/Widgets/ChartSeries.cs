using Dashboard.Boards;
using Dashboard.Options;
using Feeds.Client;

namespace Dashboard.Components.Widgets;

/// <summary>One line of a <see cref="LiveChart"/>: a number field of one topic's events.</summary>
/// <param name="Topic">The topic whose events carry the value, e.g. <c>ticker/ACME</c>.</param>
/// <param name="Field">The path into the event's data, e.g. <c>last</c>, <c>cpu</c> or <c>series[*].value</c>.</param>
/// <param name="Label">The name shown in the legend.</param>
/// <param name="Color">A CSS colour or theme variable (<c>--dash-success</c>); null picks one from the theme.</param>
/// <param name="Element">For a path with <c>[*]</c>, the name of the array element this line follows.</param>
/// <param name="Threshold">This series' own warning and critical lines, labelled with it; for charts whose series have different levels.</param>
public sealed record ChartSeries(string Topic, string Field, string Label, string? Color = null, string? Element = null, Threshold? Threshold = null)
{
    private readonly FieldPath _path = FieldPath.Parse(Field);

    /// <summary>This line's value in <paramref name="message"/>, or null when the event has none.</summary>
    public double? ValueOf(FeedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _path.Number(message.Data, Element);
    }
}
