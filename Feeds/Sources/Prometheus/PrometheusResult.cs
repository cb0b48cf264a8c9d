namespace Feeds.Sources.Prometheus;

/// <summary>The data of a <c>prometheus</c> event: one poll's result, one element per series.</summary>
/// <param name="Query">The PromQL, as configured.</param>
/// <param name="Unit">The configured unit, or empty.</param>
/// <param name="Series">The series, ordered by name; empty when the query matched nothing.</param>
/// <param name="EvaluatedAt">When Prometheus evaluated the query, Unix milliseconds.</param>
public sealed record PrometheusResult(string Query, string Unit, IReadOnlyList<PrometheusSeries> Series, long EvaluatedAt)
{
    public const string EventType = "prometheus";

    internal static PrometheusResult From(PrometheusQueryOptions query, IReadOnlyList<PromSample> samples, DateTimeOffset now) =>
        new(
            query.Query,
            query.Unit,
            samples.Select(s => ToSeries(query, s)).OrderBy(s => s.Name, StringComparer.Ordinal).ToArray(),
            (samples.Count > 0 ? samples[0].At : now).ToUnixTimeMilliseconds());

    private static PrometheusSeries ToSeries(PrometheusQueryOptions query, PromSample sample)
    {
        var finite = double.IsFinite(sample.Value);
        return new PrometheusSeries(
            Name(query, sample.Labels),
            sample.Labels,
            finite ? sample.Value : null,
            finite ? null : double.IsNaN(sample.Value) ? "NaN" : sample.Value > 0 ? "+Inf" : "-Inf");
    }

    private static string Name(PrometheusQueryOptions query, IReadOnlyDictionary<string, string> labels)
    {
        if (query.SeriesLabel.Length > 0 && labels.TryGetValue(query.SeriesLabel, out var named))
        {
            return named;
        }

        if (labels.Count == 0)
        {
            return query.Query;
        }

        var metric = labels.GetValueOrDefault("__name__", "");
        var rest = labels.Where(l => l.Key != "__name__").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"");
        return metric + "{" + string.Join(", ", rest) + "}";
    }
}
