using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Prometheus;

/// <summary>
/// The tests that need Prometheus share one private Prometheus and node_exporter, started once, and
/// run one after another, since one of them kills Prometheus and starts it again.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PrometheusCollection : ICollectionFixture<PrometheusServer>
{
    public const string Name = "Prometheus";
}
