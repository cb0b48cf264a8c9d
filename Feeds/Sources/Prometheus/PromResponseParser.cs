using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Feeds.Sources.Prometheus;

/// <summary>
/// Reads an answer of Prometheus' <c>GET /api/v1/query</c>: an instant vector or a scalar becomes
/// samples; Prometheus' own error (its <c>errorType</c> and <c>error</c> text) is kept word for word;
/// a range vector or a string, which cannot be charted as live values, is refused with what to change.
/// Pure: no I/O, so every shape Prometheus can answer with is tested without a server.
/// </summary>
internal static class PromResponseParser
{
    private const int MaxQuotedBody = 200;

    public static PromResult Parse(HttpStatusCode status, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            return Read(status, document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or IndexOutOfRangeException)
        {
            // A proxy's error page, a truncated body, or a server that is not Prometheus.
            var quoted = body.Length > MaxQuotedBody ? body[..MaxQuotedBody] + "..." : body;
            return PromResult.Failure("bad_response", $"HTTP {(int)status} from Prometheus, not a query API answer: {quoted.ReplaceLineEndings(" ").Trim()}");
        }
    }

    private static PromResult Read(HttpStatusCode status, JsonElement root)
    {
        var state = root.GetProperty("status").GetString();
        if (state == "error")
        {
            return PromResult.Failure(
                root.TryGetProperty("errorType", out var type) ? type.GetString() ?? "error" : "error",
                root.TryGetProperty("error", out var error) ? error.GetString() ?? "" : $"HTTP {(int)status} with no error text");
        }

        if (state != "success")
        {
            throw new FormatException($"status '{state}'");
        }

        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" => PromResult.Success(result.EnumerateArray().Select(Sample).ToArray()),
            "scalar" => PromResult.Success([new PromSample(new Dictionary<string, string>(), Value(result[1]), Time(result[0]))]),
            "matrix" => PromResult.Failure("unsupported",
                "The query returns a range vector (matrix), which has no single value to show live: drop the [range] selector, or wrap it in a function such as rate(...[1m]) or avg_over_time(...[1m])."),
            "string" => PromResult.Failure("unsupported", "The query returns a string, not a number: only instant vectors and scalars can be shown."),
            var other => throw new FormatException($"resultType '{other}'"),
        };
    }

    private static PromSample Sample(JsonElement element)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in element.GetProperty("metric").EnumerateObject())
        {
            labels[label.Name] = label.Value.GetString() ?? "";
        }

        var value = element.GetProperty("value");
        return new PromSample(labels, Value(value[1]), Time(value[0]));
    }

    /// <summary>Prometheus writes sample values as strings, and the special ones its own way (Go's, not .NET's).</summary>
    private static double Value(JsonElement value)
    {
        var text = value.GetString() ?? throw new FormatException("a sample value that is not a string");
        return text switch
        {
            "NaN" => double.NaN,
            "+Inf" or "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    private static DateTimeOffset Time(JsonElement seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds.GetDouble() * 1000));
}
