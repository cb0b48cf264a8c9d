using Feeds.Options;
using Feeds.Sources.Prometheus;

namespace Dashboard.Tests.Feeds.Sources;

[Trait("Tier", "Unit")]
public sealed class PrometheusOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_SucceedsWithTheSourceOff()
    {
        var options = new FeedsOptions();

        var result = new PrometheusOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.False(options.Prometheus.Enabled);
    }

    [Fact]
    public void Validate_GoodQueries_Succeeds()
    {
        var result = new PrometheusOptionsValidator().Validate(null, WithQueries(3));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Feeds:Prometheus:Url")]
    [InlineData("Feeds:Prometheus:TimeoutSeconds")]
    [InlineData("Feeds:Prometheus:MaxBackoffSeconds")]
    [InlineData("Feeds:Prometheus:Queries")]
    [InlineData("Feeds:Prometheus:Queries:1:Topic")]
    [InlineData("Feeds:Prometheus:Queries:2:Query")]
    [InlineData("Feeds:Prometheus:Queries:0:IntervalSeconds")]
    [InlineData("Feeds:Prometheus:Queries:1:Unit")]
    [InlineData("Feeds:Prometheus:Queries:2:SeriesLabel")]
    public void Validate_BadValue_FailureNamesTheKey(string key)
    {
        var options = WithQueries(3);
        Break(options.Prometheus, key);

        var result = new PrometheusOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoQueriesOnOneTopic_FailsNamingTheTopic()
    {
        var options = WithQueries(2);
        options.Prometheus.Queries[1].Topic = options.Prometheus.Queries[0].Topic;

        var result = new PrometheusOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("'prom/q0' more than once", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadQueryWithSourceOff_StillFails()
    {
        // A query kept in the file while the URL is blank is checked too, so it works when the URL is set.
        var options = new FeedsOptions();
        options.Prometheus.Queries.Add(new PrometheusQueryOptions { Topic = "prom/x", Query = "" });

        var result = new PrometheusOptionsValidator().Validate(null, options);

        Assert.Contains("Feeds:Prometheus:Queries:0:Query", result.FailureMessage, StringComparison.Ordinal);
    }

    private static FeedsOptions WithQueries(int count)
    {
        var options = new FeedsOptions();
        options.Prometheus.Url = "http://127.0.0.1:9090";
        for (var i = 0; i < count; i++)
        {
            options.Prometheus.Queries.Add(new PrometheusQueryOptions { Topic = $"prom/q{i}", Query = "up", Unit = "%", SeriesLabel = "instance" });
        }

        return options;
    }

    private static void Break(PrometheusOptions options, string key)
    {
        switch (key)
        {
            case "Feeds:Prometheus:Url": options.Url = "ftp://prometheus"; break;
            case "Feeds:Prometheus:TimeoutSeconds": options.TimeoutSeconds = 0; break;
            case "Feeds:Prometheus:MaxBackoffSeconds": options.MaxBackoffSeconds = 0; break;
            case "Feeds:Prometheus:Queries": options.Queries.Clear(); break;
            case "Feeds:Prometheus:Queries:1:Topic": options.Queries[1].Topic = "prom//cpu"; break;
            case "Feeds:Prometheus:Queries:2:Query": options.Queries[2].Query = " "; break;
            case "Feeds:Prometheus:Queries:0:IntervalSeconds": options.Queries[0].IntervalSeconds = 0; break;
            case "Feeds:Prometheus:Queries:1:Unit": options.Queries[1].Unit = new string('u', 33); break;
            case "Feeds:Prometheus:Queries:2:SeriesLabel": options.Queries[2].SeriesLabel = "9-instance"; break;
            default: throw new ArgumentOutOfRangeException(nameof(key), key, null);
        }
    }
}
