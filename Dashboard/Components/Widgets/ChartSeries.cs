using System.Text.Json;
using Feeds.Client;

namespace Dashboard.Components.Widgets;

/// <summary>One line of a <see cref="LiveChart"/>: a number field of one topic's events.</summary>
/// <param name="Topic">The topic whose events carry the value, e.g. <c>ticker/ACME</c>.</param>
/// <param name="Field">The JSON property of the event's data, e.g. <c>last</c> or <c>cpu</c>.</param>
/// <param name="Label">The name shown in the legend.</param>
/// <param name="Color">A CSS colour or theme variable (<c>--dash-success</c>); null picks one from the theme.</param>
/// <param name="Element">
/// The <c>name</c> of one element of the data's <c>series</c> array, as a Prometheus query's events
/// carry one per series: <paramref name="Field"/> is then read from that element. Null: from the data itself.
/// </param>
public sealed record ChartSeries(string Topic, string Field, string Label, string? Color = null, string? Element = null)
{
    /// <summary>This line's value in <paramref name="message"/>, or null when the event does not carry it as a number.</summary>
    public double? ValueIn(FeedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Element is null)
        {
            return message.Number(Field);
        }

        if (message.Data.ValueKind != JsonValueKind.Object
            || !message.Data.TryGetProperty("series", out var series) || series.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var element in series.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("name", out var name) && name.ValueEquals(Element))
            {
                return element.TryGetProperty(Field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
            }
        }

        return null;
    }
}
