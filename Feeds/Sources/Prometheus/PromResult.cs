namespace Feeds.Sources.Prometheus;

/// <summary>What one answer of <c>/api/v1/query</c> said: the samples, or why there are none to show.</summary>
/// <param name="Samples">The vector's elements, or the scalar as one sample; empty on error or for an empty vector.</param>
/// <param name="ErrorType">Prometheus' <c>errorType</c> (e.g. <c>bad_data</c>), or ours (<c>unsupported</c>, <c>bad_response</c>); null on success.</param>
/// <param name="Error">Prometheus' own <c>error</c> text, or ours; null on success.</param>
internal sealed record PromResult(IReadOnlyList<PromSample> Samples, string? ErrorType, string? Error)
{
    public bool Succeeded => Error is null;

    public static PromResult Success(IReadOnlyList<PromSample> samples) => new(samples, null, null);

    public static PromResult Failure(string errorType, string error) => new([], errorType, error);
}
