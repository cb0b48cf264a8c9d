using Feeds.Options;

namespace Dashboard.Tests.Feeds.Options;

public sealed class FeedsOptionsValidatorTests
{
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
    [InlineData("Feeds:Clock:IntervalMs")]
    [InlineData("Feeds:Clock:TimeZone")]
    [InlineData("Feeds:Ticker:IntervalMs")]
    [InlineData("Feeds:Ticker:Symbols:1")]
    [InlineData("Feeds:Ticker:Symbols")]
    [InlineData("Feeds:Metrics:IntervalMs")]
    [InlineData("Feeds:Metrics:IncidentsPerHour")]
    [InlineData("Feeds:Metrics:Hosts:0")]
    [InlineData("Feeds:Metrics:Hosts")]
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

    private static void Break(FeedsOptions options, string key)
    {
        switch (key)
        {
            case "Feeds:History:PerTopic": options.History.PerTopic = 0; break;
            case "Feeds:Sse:HeartbeatSeconds": options.Sse.HeartbeatSeconds = 0; break;
            case "Feeds:Sse:RetryMs": options.Sse.RetryMs = -1; break;
            case "Feeds:Sse:QueueCapacity": options.Sse.QueueCapacity = 0; break;
            case "Feeds:Clock:IntervalMs": options.Clock.IntervalMs = 5; break;
            case "Feeds:Clock:TimeZone": options.Clock.TimeZone = "Mars/Olympus_Mons"; break;
            case "Feeds:Ticker:IntervalMs": options.Ticker.IntervalMs = 0; break;
            case "Feeds:Ticker:Symbols:1": options.Ticker.Symbols = ["ACME", "BAD/ONE"]; break;
            case "Feeds:Ticker:Symbols": options.Ticker.Symbols = ["ACME", "ACME"]; break;
            case "Feeds:Metrics:IntervalMs": options.Metrics.IntervalMs = 3_600_001; break;
            case "Feeds:Metrics:IncidentsPerHour": options.Metrics.IncidentsPerHour = double.NaN; break;
            case "Feeds:Metrics:Hosts:0": options.Metrics.Hosts = ["web 1"]; break;
            case "Feeds:Metrics:Hosts": options.Metrics.Hosts = ["web-1", "self"]; break;
            default: throw new ArgumentOutOfRangeException(nameof(key), key, "No way to break this key.");
        }
    }
}
