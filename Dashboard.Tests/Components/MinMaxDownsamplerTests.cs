using System.Text.Json;
using Dashboard.Components.Widgets;
using Feeds.Client;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Unit")]
public sealed class MinMaxDownsamplerTests
{
    private const long BucketMs = 6_000;
    private const long T0 = 1_800_000_000_000 - (1_800_000_000_000 % BucketMs);

    private static readonly ChartSeries[] Acme = [new("ticker/ACME", "last", "ACME")];

    private static readonly ChartSeries[] AcmeAndGlobx = [new("ticker/ACME", "last", "ACME"), new("ticker/GLOBX", "last", "GLOBX")];

    [Fact]
    public void Columns_NoBuckets_OneXPerTimestampAndNullWhereASeriesHasNoValue()
    {
        var downsampler = new MinMaxDownsampler();

        var (xs, ys) = downsampler.Columns(
            [Quote(1, "ticker/ACME", T0, 10.5), Quote(2, "ticker/GLOBX", T0 + 100, 20.25), Quote(3, "ticker/ACME", T0 + 1000, 10.75)],
            AcmeAndGlobx,
            bucketMs: 0);

        Assert.Equal([T0 / 1000.0, (T0 + 100) / 1000.0, (T0 + 1000) / 1000.0], xs);
        Assert.Equal([10.5, null, 10.75], ys[0]);
        Assert.Equal([null, 20.25, null], ys[1]);
    }

    [Fact]
    public void Columns_Buckets_MinimumAtTheBucketStartAndMaximumHalfWay()
    {
        var downsampler = new MinMaxDownsampler();

        var (xs, ys) = downsampler.Columns(
            [Quote(1, "ticker/ACME", T0 + 500, 3), Quote(2, "ticker/ACME", T0 + 1500, 9), Quote(3, "ticker/ACME", T0 + 2500, 1), Quote(4, "ticker/ACME", T0 + 3500, 4)],
            Acme,
            BucketMs);

        Assert.Equal([T0 / 1000.0, (T0 + (BucketMs / 2)) / 1000.0], xs);
        Assert.Equal([1.0, 9.0], ys[0]);
    }

    [Fact]
    public void Columns_SpikeInALaterBatch_ResendsItsBucketWithTheExtremesOfBoth()
    {
        var downsampler = new MinMaxDownsampler();
        downsampler.Columns([Quote(1, "ticker/ACME", T0 + 500, 5), Quote(2, "ticker/ACME", T0 + 1000, 6)], Acme, BucketMs);

        var (xs, ys) = downsampler.Columns([Quote(3, "ticker/ACME", T0 + 2000, 50)], Acme, BucketMs);

        Assert.Equal([T0 / 1000.0, (T0 + (BucketMs / 2)) / 1000.0], xs);
        Assert.Equal([5.0, 50.0], ys[0]);
    }

    [Fact]
    public void Columns_BucketsOfTwoSeries_EachKeepsItsOwnExtremes()
    {
        var downsampler = new MinMaxDownsampler();

        var (_, ys) = downsampler.Columns(
            [Quote(1, "ticker/ACME", T0, 10), Quote(2, "ticker/GLOBX", T0 + 10, 200), Quote(3, "ticker/ACME", T0 + 20, 12), Quote(4, "ticker/GLOBX", T0 + 30, 190)],
            AcmeAndGlobx,
            BucketMs);

        Assert.Equal([10.0, 12.0], ys[0]);
        Assert.Equal([190.0, 200.0], ys[1]);
    }

    [Fact]
    public void Columns_EventsAlreadySeen_AreSkipped()
    {
        var downsampler = new MinMaxDownsampler();
        downsampler.Columns([Quote(5, "ticker/ACME", T0, 10)], Acme, bucketMs: 0);

        var (xs, ys) = downsampler.Columns([Quote(4, "ticker/ACME", T0 + 10, 11), Quote(5, "ticker/ACME", T0, 10), Quote(6, "ticker/ACME", T0 + 20, 12)], Acme, bucketMs: 0);

        Assert.Equal([(T0 + 20) / 1000.0], xs);
        Assert.Equal([12.0], ys[0]);
    }

    [Fact]
    public void Columns_EventsWithoutTheFieldOrOfAnotherTopic_AddNoPoint()
    {
        var downsampler = new MinMaxDownsampler();

        var (xs, ys) = downsampler.Columns(
            [Message(1, "ticker/ACME", T0, new { bid = 1 }), Message(2, "ticker/ACME", T0 + 10, new { last = "n/a" }), Quote(3, "ticker/OTHER", T0 + 20, 7)],
            Acme,
            bucketMs: 0);

        Assert.Empty(xs);
        Assert.Empty(ys[0]);
    }

    [Fact]
    public void Columns_Values_RoundedToFourDecimals()
    {
        var downsampler = new MinMaxDownsampler();

        var (_, ys) = downsampler.Columns([Quote(1, "ticker/ACME", T0, 1.234567)], Acme, bucketMs: 0);

        Assert.Equal([1.2346], ys[0]);
    }

    [Fact]
    public void Columns_MoreThanTwoBuckets_OlderOnesAreFinal()
    {
        var downsampler = new MinMaxDownsampler();
        downsampler.Columns(
            [Quote(1, "ticker/ACME", T0, 100), Quote(2, "ticker/ACME", T0 + BucketMs, 5), Quote(3, "ticker/ACME", T0 + (2 * BucketMs), 6)],
            Acme,
            BucketMs);

        // A late event in the first bucket is no longer merged with its extremes: only the two newest stay open.
        var (xs, ys) = downsampler.Columns([Quote(4, "ticker/ACME", T0 + 100, 1)], Acme, BucketMs);

        Assert.Equal([T0 / 1000.0, (T0 + (BucketMs / 2)) / 1000.0], xs);
        Assert.Equal([1.0, 1.0], ys[0]);
    }

    [Fact]
    public void Clear_ThenTheSameEvents_SendsThemAgain()
    {
        var downsampler = new MinMaxDownsampler();
        downsampler.Columns([Quote(1, "ticker/ACME", T0, 10)], Acme, bucketMs: 0);

        downsampler.Clear();
        var (xs, ys) = downsampler.Columns([Quote(1, "ticker/ACME", T0, 10)], Acme, bucketMs: 0);

        Assert.Equal([T0 / 1000.0], xs);
        Assert.Equal([10.0], ys[0]);
    }

    private static FeedMessage Quote(long id, string topic, long ts, double last) => Message(id, topic, ts, new { last });

    private static FeedMessage Message(long id, string topic, long ts, object data) =>
        new(id, topic, "quote", JsonSerializer.SerializeToElement(data), ts);
}
