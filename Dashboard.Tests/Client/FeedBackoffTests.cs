using Feeds.Client;

namespace Dashboard.Tests.Client;

[Trait("Tier", "Unit")]
public sealed class FeedBackoffTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0.0, 1000)]
    [InlineData(0.5, 1250)]
    [InlineData(0.999999, 1500)]
    public void Delay_FirstRetryAfterADrop_IsTheBaseWithUpToHalfMoreJitter(double random, double expectedMs)
    {
        var delay = FeedBackoff.Delay(Second, 0, Max, null, random);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, 0.01);
    }

    [Theory]
    [InlineData(1, 2000)]
    [InlineData(2, 4000)]
    [InlineData(3, 8000)]
    [InlineData(4, 16000)]
    public void Delay_EachFailedAttempt_Doubles(int failures, double expectedMs)
    {
        var delay = FeedBackoff.Delay(Second, failures, Max, null, 0);

        Assert.Equal(expectedMs, delay.TotalMilliseconds);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(int.MaxValue)]
    public void Delay_ManyFailedAttempts_StopsAtMax(int failures)
    {
        Assert.Equal(Max, FeedBackoff.Delay(Second, failures, Max, null, 0.9));
    }

    [Fact]
    public void Delay_ServerRetryZero_ReconnectsAtOnceAfterADropButBacksOffWhenFailing()
    {
        Assert.Equal(TimeSpan.Zero, FeedBackoff.Delay(TimeSpan.Zero, 0, Max, null, 0.5));
        Assert.Equal(FeedBackoff.FailureFloor * 2, FeedBackoff.Delay(TimeSpan.Zero, 1, Max, null, 0));
    }

    [Fact]
    public void Delay_RetryAfterLongerThanBackoff_WaitsRetryAfterButNoMoreThanMax()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), FeedBackoff.Delay(Second, 0, Max, TimeSpan.FromSeconds(5), 0));
        Assert.Equal(Max, FeedBackoff.Delay(Second, 0, Max, TimeSpan.FromMinutes(5), 0));
        Assert.Equal(TimeSpan.FromSeconds(4), FeedBackoff.Delay(Second, 2, Max, TimeSpan.FromSeconds(1), 0));
    }
}
