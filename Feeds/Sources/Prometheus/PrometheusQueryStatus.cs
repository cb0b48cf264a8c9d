using System.Text.Json.Serialization;

namespace Feeds.Sources.Prometheus;

/// <summary>Where a query stands after its latest poll.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PrometheusQueryStatus>))]
public enum PrometheusQueryStatus
{
    /// <summary>Not polled on this instance yet: starting, or another instance leads and polls.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The latest poll succeeded.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The latest poll failed; the query is retried with backoff.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
