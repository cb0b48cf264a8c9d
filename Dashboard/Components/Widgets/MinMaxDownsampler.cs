using Feeds.Client;

namespace Dashboard.Components.Widgets;

/// <summary>
/// Turns a chart's feed events into uPlot columns: one x (seconds) per distinct timestamp, and per
/// series its value there or null, since topics tick at their own times. With buckets (windows
/// longer than <see cref="Controls.TimeWindow.RawSeconds"/>) each series keeps one minimum and one
/// maximum per bucket, so an hour costs about as much to send as five minutes and a spike still
/// shows. Remembers, across batches, the last id per topic and the open buckets; no rendering, no
/// JS, so it is tested alone.
/// </summary>
internal sealed class MinMaxDownsampler
{
    // Points are shown to a few decimals; rounding keeps each update's JSON small.
    private const int Decimals = 4;

    private readonly Dictionary<string, long> _lastIds = new(StringComparer.Ordinal);

    // Open buckets' extremes, kept across batches: a bucket spans several batches.
    private readonly SortedDictionary<long, Bucket> _buckets = [];

    /// <summary>Forgets every id and bucket: the chart is being drawn again from scratch.</summary>
    public void Clear()
    {
        _lastIds.Clear();
        _buckets.Clear();
    }

    /// <summary>
    /// The new points of <paramref name="messages"/> (events at or below a topic's last id are
    /// skipped). With <paramref name="bucketMs"/> above zero, every bucket the messages touched is
    /// returned whole again (its minimum at its start, its maximum half way): the chart overwrites
    /// points at the same x.
    /// </summary>
    public (double[] Xs, double?[][] Ys) Columns(IEnumerable<FeedMessage> messages, IReadOnlyList<ChartSeries> series, long bucketMs)
    {
        var rows = new SortedDictionary<long, double?[]>();
        var touched = new SortedSet<long>();
        foreach (var message in messages)
        {
            if (_lastIds.TryGetValue(message.Topic, out var last) && message.Id <= last)
            {
                continue;
            }

            for (var s = 0; s < series.Count; s++)
            {
                var line = series[s];
                if (!string.Equals(line.Topic, message.Topic, StringComparison.Ordinal)
                    || line.ValueOf(message) is not { } value)
                {
                    continue;
                }

                value = Math.Round(value, Decimals);
                if (bucketMs > 0)
                {
                    var start = message.Ts - (message.Ts % bucketMs);
                    if (!_buckets.TryGetValue(start, out var bucket))
                    {
                        bucket = new Bucket(series.Count);
                        _buckets.Add(start, bucket);
                    }

                    bucket.Add(s, value);
                    touched.Add(start);
                    continue;
                }

                if (!rows.TryGetValue(message.Ts, out var row))
                {
                    row = new double?[series.Count];
                    rows.Add(message.Ts, row);
                }

                row[s] = value;
            }
        }

        foreach (var message in messages)
        {
            if (!_lastIds.TryGetValue(message.Topic, out var last) || message.Id > last)
            {
                _lastIds[message.Topic] = message.Id;
            }
        }

        foreach (var start in touched)
        {
            rows[start] = _buckets[start].Min;
            rows[start + (bucketMs / 2)] = _buckets[start].Max;
        }

        // Only the newest buckets can still gain points; older ones are final.
        while (_buckets.Count > 2)
        {
            _buckets.Remove(_buckets.Keys.First());
        }

        var xs = rows.Keys.Select(ts => ts / 1000.0).ToArray();
        var ys = new double?[series.Count][];
        for (var s = 0; s < ys.Length; s++)
        {
            ys[s] = rows.Values.Select(row => row[s]).ToArray();
        }

        return (xs, ys);
    }

    /// <summary>One bucket's lowest and highest value per series.</summary>
    private sealed class Bucket(int series)
    {
        public double?[] Min { get; } = new double?[series];

        public double?[] Max { get; } = new double?[series];

        public void Add(int s, double value)
        {
            Min[s] = Min[s] is { } min ? Math.Min(min, value) : value;
            Max[s] = Max[s] is { } max ? Math.Max(max, value) : value;
        }
    }
}
