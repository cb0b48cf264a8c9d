using Feeds.Hub;

namespace Dashboard.Tests.Feeds.Hub;

[Trait("Tier", "Unit")]
public sealed class TopicPatternTests
{
    [Theory]
    [InlineData("clock")]
    [InlineData("ticker/ACME")]
    [InlineData("metrics/web-1")]
    [InlineData("a/b/c")]
    [InlineData("Under_score.dot-dash09")]
    public void IsValid_GoodName_True(string topic) => Assert.True(TopicName.IsValid(topic));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/clock")]
    [InlineData("clock/")]
    [InlineData("a//b")]
    [InlineData("ticker/*")]
    [InlineData("*")]
    [InlineData("with space")]
    [InlineData("tab\t")]
    [InlineData("caf\u00e9")]
    [InlineData("a:b")]
    [InlineData("a?b")]
    public void IsValid_BadName_False(string? topic) => Assert.False(TopicName.IsValid(topic));

    [Fact]
    public void IsValid_LengthLimit_InclusiveAtMax()
    {
        Assert.True(TopicName.IsValid(new string('a', TopicName.MaxLength)));
        Assert.False(TopicName.IsValid(new string('a', TopicName.MaxLength + 1)));
    }

    [Theory]
    [InlineData("clock", false)]
    [InlineData("ticker/ACME", false)]
    [InlineData("ticker/*", true)]
    [InlineData("metrics/web/*", true)]
    public void TryParse_GoodPattern_Parses(string text, bool isPrefix)
    {
        Assert.True(TopicPattern.TryParse(text, out var pattern));
        Assert.Equal(text, pattern.Text);
        Assert.Equal(isPrefix, pattern.IsPrefix);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("/*")]
    [InlineData("ticker*")]
    [InlineData("ticker/**")]
    [InlineData("ticker/*/x")]
    [InlineData("*/ACME")]
    [InlineData("ticker//*")]
    [InlineData("ticker/ *")]
    public void TryParse_BadPattern_Rejected(string? text)
    {
        Assert.False(TopicPattern.TryParse(text, out var pattern));
        Assert.Null(pattern);
    }

    [Fact]
    public void Parse_BadPattern_ThrowsFormatExceptionNamingIt()
    {
        var exception = Assert.Throws<FormatException>(() => TopicPattern.Parse("ticker/*/x"));

        Assert.Contains("ticker/*/x", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ticker/*", "ticker/ACME", true)]
    [InlineData("ticker/*", "ticker/a/b", true)]
    [InlineData("ticker/*", "ticker", false)]
    [InlineData("ticker/*", "tickers/ACME", false)]
    [InlineData("ticker/*", "Ticker/ACME", false)]
    [InlineData("clock", "clock", true)]
    [InlineData("clock", "clock/utc", false)]
    [InlineData("clock", "Clock", false)]
    public void Matches_Topic_AsExpected(string pattern, string topic, bool matches) =>
        Assert.Equal(matches, TopicPattern.Parse(pattern).Matches(topic));

    [Theory]
    [InlineData("clock", "clock", true)]
    [InlineData("clock", "clocks", false)]
    [InlineData("metrics/*", "metrics/db-1", true)]
    [InlineData("metrics/db-1", "metrics/*", true)]
    [InlineData("metrics/*", "metrics/db/*", true)]
    [InlineData("metrics/db/*", "metrics/*", true)]
    [InlineData("metrics/*", "metric/*", false)]
    [InlineData("metrics/*", "metrics", false)]
    [InlineData("ticker/*", "metrics/*", false)]
    public void Overlaps_TwoPatterns_TrueWhenSomeTopicMatchesBoth(string first, string second, bool overlaps)
    {
        Assert.Equal(overlaps, TopicPattern.Parse(first).Overlaps(TopicPattern.Parse(second)));
        Assert.Equal(overlaps, TopicPattern.Parse(second).Overlaps(TopicPattern.Parse(first)));
    }

    [Fact]
    public void Parse_Filter_DropsDuplicatesAndMatchesAnyPattern()
    {
        var filter = TopicFilter.Parse("clock", "ticker/*", "clock");

        Assert.Equal(["clock", "ticker/*"], filter.Patterns.Select(p => p.Text));
        Assert.True(filter.Matches("ticker/ACME"));
        Assert.True(filter.Matches("clock"));
        Assert.False(filter.Matches("metrics/self"));
        Assert.Equal("clock,ticker/*", filter.ToString());
    }

    [Fact]
    public void Constructor_NoPatterns_Throws() =>
        Assert.Throws<ArgumentException>(() => new TopicFilter([]));
}
