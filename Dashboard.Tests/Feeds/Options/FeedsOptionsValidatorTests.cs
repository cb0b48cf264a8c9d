using Feeds.Options;

namespace Dashboard.Tests.Feeds.Options;

[Trait("Tier", "Unit")]
public sealed class FeedsOptionsValidatorTests
{
    private const string GoodKey = "a-key-of-enough-length";

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new FeedsOptionsValidator().Validate(null, new FeedsOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Feeds:History:PerTopic")]
    [InlineData("Feeds:Sse:HeartbeatSeconds")]
    [InlineData("Feeds:Sse:RetryMs")]
    [InlineData("Feeds:Sse:QueueCapacity")]
    [InlineData("Feeds:Sse:WriteTimeoutSeconds")]
    [InlineData("Feeds:Clock:IntervalMs")]
    [InlineData("Feeds:Clock:TimeZone")]
    [InlineData("Feeds:Ticker:IntervalMs")]
    [InlineData("Feeds:Ticker:Symbols:1")]
    [InlineData("Feeds:Ticker:Symbols")]
    [InlineData("Feeds:Metrics:IntervalMs")]
    [InlineData("Feeds:Metrics:IncidentsPerHour")]
    [InlineData("Feeds:Metrics:Hosts:0")]
    [InlineData("Feeds:Metrics:Hosts")]
    [InlineData("Feeds:Sse:ShutdownRetryJitterMs")]
    [InlineData("Feeds:Sse:MaxTopicsPerConnection")]
    [InlineData("Feeds:Sse:MaxStreams")]
    [InlineData("Feeds:Sse:MaxStreamsPerClient")]
    [InlineData("Feeds:Publish:MaxBodyBytes")]
    [InlineData("Feeds:Publish:PermitsPerSecond")]
    [InlineData("Feeds:Publish:Topics:0")]
    [InlineData("Feeds:Publish:ApiKeys:1")]
    [InlineData("Feeds:Access:0:Topics")]
    [InlineData("Feeds:Access:0:Topics:0")]
    [InlineData("Feeds:Access:0:Keys")]
    [InlineData("Feeds:Access:1:Keys:0")]
    [InlineData("Feeds:Cors:Origins:0")]
    public void Validate_BadValue_FailureNamesTheKey(string key)
    {
        var options = new FeedsOptions();
        Break(options, key);

        var result = new FeedsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEach()
    {
        var options = new FeedsOptions();
        Break(options, "Feeds:Ticker:IntervalMs");
        Break(options, "Feeds:Clock:TimeZone");

        var result = new FeedsOptionsValidator().Validate(null, options);

        Assert.Equal(2, result.Failures!.Count());
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    public void Validate_KnownTimeZone_Succeeds(string zone)
    {
        var result = new FeedsOptionsValidator().Validate(null, new FeedsOptions { Clock = { TimeZone = zone } });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("https://wall.example.com")]
    [InlineData("http://127.0.0.1:5001")]
    [InlineData("https://wall.example.com/")]
    public void Validate_Origin_Succeeds(string origin)
    {
        var result = new FeedsOptionsValidator().Validate(null, new FeedsOptions { Cors = { Origins = [origin] } });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("wall.example.com")]
    [InlineData("ftp://wall.example.com")]
    public void Validate_NotAnOrigin_Fails(string origin)
    {
        var result = new FeedsOptionsValidator().Validate(null, new FeedsOptions { Cors = { Origins = [origin] } });

        Assert.True(result.Failed);
    }

    private static void Break(FeedsOptions options, string key)
    {
        switch (key)
        {
            case "Feeds:History:PerTopic": options.History.PerTopic = 0; break;
            case "Feeds:Sse:HeartbeatSeconds": options.Sse.HeartbeatSeconds = 0; break;
            case "Feeds:Sse:RetryMs": options.Sse.RetryMs = -1; break;
            case "Feeds:Sse:QueueCapacity": options.Sse.QueueCapacity = 0; break;
            case "Feeds:Sse:WriteTimeoutSeconds": options.Sse.WriteTimeoutSeconds = 0; break;
            case "Feeds:Clock:IntervalMs": options.Clock.IntervalMs = 5; break;
            case "Feeds:Clock:TimeZone": options.Clock.TimeZone = "Mars/Olympus_Mons"; break;
            case "Feeds:Ticker:IntervalMs": options.Ticker.IntervalMs = 0; break;
            case "Feeds:Ticker:Symbols:1": options.Ticker.Symbols = ["ACME", "BAD/ONE"]; break;
            case "Feeds:Ticker:Symbols": options.Ticker.Symbols = ["ACME", "ACME"]; break;
            case "Feeds:Metrics:IntervalMs": options.Metrics.IntervalMs = 3_600_001; break;
            case "Feeds:Metrics:IncidentsPerHour": options.Metrics.IncidentsPerHour = double.NaN; break;
            case "Feeds:Metrics:Hosts:0": options.Metrics.Hosts = ["web 1"]; break;
            case "Feeds:Metrics:Hosts": options.Metrics.Hosts = ["web-1", "self"]; break;
            case "Feeds:Sse:ShutdownRetryJitterMs": options.Sse.ShutdownRetryJitterMs = -1; break;
            case "Feeds:Sse:MaxTopicsPerConnection": options.Sse.MaxTopicsPerConnection = 0; break;
            case "Feeds:Sse:MaxStreams": options.Sse.MaxStreams = 0; break;
            case "Feeds:Sse:MaxStreamsPerClient": options.Sse.MaxStreamsPerClient = -3; break;
            case "Feeds:Publish:MaxBodyBytes": options.Publish.MaxBodyBytes = 0; break;
            case "Feeds:Publish:PermitsPerSecond": options.Publish.PermitsPerSecond = 0; break;
            case "Feeds:Publish:Topics:0": options.Publish.Topics = ["not a topic"]; break;
            case "Feeds:Publish:ApiKeys:1": options.Publish.ApiKeys = [GoodKey, "short"]; break;
            case "Feeds:Access:0:Topics": options.Access = [new AccessRule { Keys = [GoodKey] }]; break;
            case "Feeds:Access:0:Topics:0": options.Access = [new AccessRule { Topics = ["bad topic"], Keys = [GoodKey] }]; break;
            case "Feeds:Access:0:Keys": options.Access = [new AccessRule { Topics = ["clock"] }]; break;
            case "Feeds:Access:1:Keys:0":
                options.Access = [new AccessRule { Topics = ["clock"], Keys = [GoodKey] }, new AccessRule { Topics = ["ticker/*"], Keys = ["has a space in it 123"] }];
                break;
            case "Feeds:Cors:Origins:0": options.Cors.Origins = ["https://example.com/path"]; break;
            default: throw new ArgumentOutOfRangeException(nameof(key), key, "No way to break this key.");
        }
    }
}
