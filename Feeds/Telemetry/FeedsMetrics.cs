using System.Diagnostics.Metrics;
using Feeds.Backplane;
using Feeds.Backplane.Postgres;
using Feeds.Hub;
using Feeds.Sources.Prometheus;
using Feeds.Transports;

namespace Feeds.Telemetry;

/// <summary>
/// Every instrument of the feeds, on the <c>Feeds</c> meter. Where <c>/feeds/stats</c> or
/// <c>metrics/self</c> shows the same number, the instrument observes the object that page reads
/// (<see cref="FeedStats"/>, <see cref="StreamLog"/>, the query states), so the two never disagree.
/// The meter comes from the host's <see cref="IMeterFactory"/>: several hosts in one process (the
/// tests) each export only their own numbers.
/// </summary>
public sealed class FeedsMetrics
{
    public const string MeterName = "Feeds";

    // Powers of two: a healthy queue sits at 0 or 1, and a subscriber about to be dropped nears the capacity (1024 by default).
    private static readonly IReadOnlyList<int> DepthBuckets = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, 16384];

    private static readonly IReadOnlyList<double> LagBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _delivered;
    private readonly Histogram<int> _queueDepth;
    private readonly Histogram<double> _backplaneLag;
    private readonly Counter<long> _publishRequests;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _sourceErrors;

    /// <param name="subscribers">The hub's subscriber count; a function because the hub itself records into these instruments.</param>
    internal FeedsMetrics(IMeterFactory meterFactory, FeedStats stats, StreamLog streams, IFeedBackplane backplane, PrometheusQueryStates queries, Func<int> subscribers)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);

        meter.CreateObservableUpDownCounter("feeds.streams.open", () => Measure(streams.OpenByTransport(), "transport"), "{stream}",
            "Streams open on this instance now, by transport (sse, ws, poll); /feeds/stats shows the same counts.");
        meter.CreateObservableUpDownCounter("feeds.subscribers", () => (long)subscribers(), "{subscription}",
            "Hub subscriptions on this instance now: the subscribers of /feeds/stats and the activeStreams of metrics/self.");
        meter.CreateObservableCounter("feeds.events.published", () => stats.Published, "{event}",
            "Events this instance has delivered to its hub since start, from whichever instance published them.");
        _delivered = meter.CreateCounter<long>("feeds.events.delivered", "{event}",
            "Events queued to a subscriber: one event to three subscribers counts three.");
        meter.CreateObservableCounter("feeds.events.dropped", () => new Measurement<long>(stats.Dropped, new KeyValuePair<string, object?>("reason", "queue_full")), "{event}",
            "Events a subscriber could not take, by reason; queue_full disconnected a subscriber too slow for its queue.");
        _queueDepth = meter.CreateHistogram("feeds.subscriber.queue.depth", "{event}",
            "Events waiting in a subscriber's queue as each new one is added.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = DepthBuckets });
        _publishRequests = meter.CreateCounter<long>("feeds.publish.requests", "{request}",
            "POST /feeds/publish answers, by HTTP status; those the rate limit turned away are in feeds.limits.refused.");
        _refused = meter.CreateCounter<long>("feeds.limits.refused", "{request}",
            "Requests the limits turned away, by what was asked (stream or publish) and HTTP status (429 per client, 503 for the whole server).");
        _backplaneLag = meter.CreateHistogram("feeds.backplane.lag", "s",
            "From an event's publication to its delivery on this instance: the backplane's delay (PostgreSQL's write and NOTIFY).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        meter.CreateObservableCounter("feeds.backplane.reconnects", () => (backplane as PostgresBackplane)?.Reconnects ?? 0, "{reconnect}",
            "Times this instance lost the backplane's database and began reconnecting; always 0 in memory.");
        meter.CreateObservableGauge("feeds.source.query.up", () => queries.All().Select(q => new Measurement<int>(q.Status == PrometheusQueryStatus.Ok ? 1 : 0,
                new KeyValuePair<string, object?>("topic", q.Topic))), "1",
            "Per configured Prometheus query: 1 when its last poll succeeded, 0 while it fails or has not run; /feeds/stats has the error text.");
        _sourceErrors = meter.CreateCounter<long>("feeds.source.errors", "{error}",
            "Failed Prometheus polls, by topic: each published a source-error event.");
    }

    internal bool QueueDepthEnabled => _queueDepth.Enabled;

    internal void Delivered(int subscribers)
    {
        if (subscribers > 0)
        {
            _delivered.Add(subscribers);
        }
    }

    internal void QueueDepth(int depth) => _queueDepth.Record(depth);

    internal void BackplaneLag(TimeSpan lag) => _backplaneLag.Record(Math.Max(0, lag.TotalSeconds));

    internal void PublishAnswered(int status) => _publishRequests.Add(1, new KeyValuePair<string, object?>("status", status));

    internal void Refused(bool stream, int status) =>
        _refused.Add(1, new KeyValuePair<string, object?>("request", stream ? "stream" : "publish"), new KeyValuePair<string, object?>("status", status));

    internal void SourceError(string topic) => _sourceErrors.Add(1, new KeyValuePair<string, object?>("topic", topic));

    private static IEnumerable<Measurement<long>> Measure(IReadOnlyDictionary<string, long> counts, string tag) =>
        counts.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>(tag, pair.Key)));
}
