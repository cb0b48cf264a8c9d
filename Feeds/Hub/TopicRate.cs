namespace Feeds.Hub;

/// <summary>Events per second over a sliding window of whole seconds.</summary>
internal sealed class TopicRate
{
    private const int WindowSeconds = 10;
    private readonly Lock _gate = new();
    private readonly long[] _buckets = new long[WindowSeconds];
    private long _bucketSecond;

    public long Total { get; private set; }

    public void Record(DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now.ToUnixTimeSeconds());
            _buckets[_bucketSecond % WindowSeconds]++;
            Total++;
        }
    }

    /// <summary>The mean over the last full seconds, leaving out the one still counting.</summary>
    public double PerSecond(DateTimeOffset now)
    {
        lock (_gate)
        {
            var second = now.ToUnixTimeSeconds();
            Advance(second);
            long sum = 0;
            for (var s = second - WindowSeconds + 1; s < second; s++)
            {
                sum += _buckets[s % WindowSeconds];
            }

            return Math.Round(sum / (double)(WindowSeconds - 1), 2);
        }
    }

    private void Advance(long second)
    {
        if (second <= _bucketSecond)
        {
            return;
        }

        var clear = Math.Min(second - _bucketSecond, WindowSeconds);
        for (var i = 1; i <= clear; i++)
        {
            _buckets[(_bucketSecond + i) % WindowSeconds] = 0;
        }

        _bucketSecond = second;
    }
}
