using System.Text.Json.Serialization;

namespace Feeds.Sources.Prometheus;

/// <summary>One series of a query's result as published.</summary>
/// <param name="Name">The <c>SeriesLabel</c>'s value, or all the labels as <c>{job="node", instance="..."}</c>, or the query for a scalar.</param>
/// <param name="Labels">Every label Prometheus gave, <c>__name__</c> included when it kept it.</param>
/// <param name="Value">The value; null when it is NaN or infinite, which JSON cannot carry as a number.</param>
/// <param name="Special"><c>NaN</c>, <c>+Inf</c> or <c>-Inf</c> when the value is one of those; absent otherwise.</param>
public sealed record PrometheusSeries(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Special);
