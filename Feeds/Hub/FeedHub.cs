using System.Buffers;
using System.Text;
using System.Text.Json;
using Feeds.Backplane;
using Feeds.Options;
using Feeds.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Hub;

/// <summary>
/// Publishes events through the backplane and fans them out to this process's subscribers.
/// Producers never wait for consumers: each subscriber has a bounded queue and is dropped
/// when it is full.
/// </summary>
public sealed class FeedHub : IDisposable
{
    private readonly IFeedBackplane _backplane;
    private readonly FeedStats _stats;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedHub> _logger;
    private readonly FeedsMetrics? _metrics;
    private readonly int _queueCapacity;
    private readonly IDisposable _backplaneSubscription;
    private readonly Lock _subscribersGate = new();
    private readonly List<FeedSubscription> _subscribers = [];

    // What delivery iterates: an array, rebuilt at the next event after subscribers changed (null
    // until then), not at every change. Copying the array at every subscribe and unsubscribe made
    // 10,000 streams opening at once copy 400 MB, which the GC then kept around as RSS.
    private FeedSubscription[]? _delivering = [];
    private long _lastId;

    public FeedHub(IFeedBackplane backplane, FeedStats stats, IOptions<FeedsOptions> options, TimeProvider time, ILogger<FeedHub> logger, FeedsMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _backplane = backplane;
        _stats = stats;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _queueCapacity = options.Value.Sse.QueueCapacity;
        _backplaneSubscription = backplane.Subscribe(Deliver);
    }

    /// <summary>The id of the latest event this process has delivered; 0 before the first.</summary>
    public long LastId => Interlocked.Read(ref _lastId);

    /// <summary>Subscribers connected to this process now.</summary>
    public int SubscriberCount
    {
        get
        {
            lock (_subscribersGate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>
    /// Publishes <paramref name="data"/> (serialised to a JSON object) on <paramref name="topic"/>.
    /// The hub adds <c>topic</c> and <c>ts</c> (Unix milliseconds now) to the object.
    /// </summary>
    public ValueTask<FeedEvent> PublishAsync<T>(string topic, string type, T data, CancellationToken cancellationToken = default)
    {
        if (!TopicName.IsValid(topic))
        {
            throw new ArgumentException($"'{topic}' is not a valid topic name.", nameof(topic));
        }

        // The type becomes the SSE "event:" line; a line break in it would break every stream.
        if (!TopicName.IsValid(type) || type.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{type}' is not a valid event type: letters, digits, '-', '_' or '.'.", nameof(type));
        }
        var now = _time.GetUtcNow();
        var json = BuildData(topic, now.ToUnixTimeMilliseconds(), JsonSerializer.SerializeToElement(data, FeedJson.Options));
        return _backplane.DispatchAsync(new FeedEventDraft(topic, type, json, now), cancellationToken);
    }

    /// <summary>
    /// Subscribes to the topics <paramref name="filter"/> names. With <paramref name="afterId"/> the
    /// reader first replays the kept events after that id, then continues live with no gap and no
    /// duplicate; without it, the reader starts live.
    /// </summary>
    public async ValueTask<FeedSubscription> SubscribeAsync(TopicFilter filter, long? afterId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var subscription = new FeedSubscription(filter, _queueCapacity, Remove);

        // Register first, then read history: an event published in between is in both, and the
        // reader drops the live copy; read history first and it could fall in the gap.
        lock (_subscribersGate)
        {
            _subscribers.Add(subscription);
            _delivering = null;
        }

        if (afterId is { } after)
        {
            try
            {
                subscription.SetReplay(await _backplane.ReadHistoryAsync(filter, after, cancellationToken).ConfigureAwait(false));
            }
            catch
            {
                subscription.Dispose();
                throw;
            }
        }

        FeedsLog.Subscribed(_logger, filter.ToString(), afterId);
        return subscription;
    }

    /// <summary>The kept events after <paramref name="afterId"/>, for a consumer that only wants history.</summary>
    public ValueTask<FeedHistory> ReadHistoryAsync(TopicFilter filter, long afterId, CancellationToken cancellationToken = default) =>
        _backplane.ReadHistoryAsync(filter, afterId, cancellationToken);

    public void Dispose()
    {
        _backplaneSubscription.Dispose();
        FeedSubscription[] subscribers;
        lock (_subscribersGate)
        {
            subscribers = [.. _subscribers];
            _subscribers.Clear();
            _delivering = [];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.End(SubscriptionEndReason.Shutdown);
        }
    }

    private void Deliver(FeedEvent feedEvent)
    {
        // The backplane delivers in id order, one event at a time.
        Volatile.Write(ref _lastId, feedEvent.Id);
        _stats.RecordPublished(feedEvent.Topic);
        _metrics?.BackplaneLag(_time.GetUtcNow() - feedEvent.Timestamp);
        var depth = _metrics?.QueueDepthEnabled == true;
        var delivered = 0;
        foreach (var subscriber in Volatile.Read(ref _delivering) ?? Delivering())
        {
            if (!subscriber.Filter.Matches(feedEvent.Topic))
            {
                continue;
            }

            if (!subscriber.Offer(feedEvent))
            {
                _stats.RecordDropped();
                FeedsLog.SlowSubscriberDropped(_logger, subscriber.Filter.ToString(), feedEvent.Id);
                Remove(subscriber);
                continue;
            }

            delivered++;
            if (depth)
            {
                _metrics!.QueueDepth(subscriber.Reader.Count);
            }
        }

        _metrics?.Delivered(delivered);
    }

    private FeedSubscription[] Delivering()
    {
        lock (_subscribersGate)
        {
            return _delivering ??= [.. _subscribers];
        }
    }

    private void Remove(FeedSubscription subscription)
    {
        lock (_subscribersGate)
        {
            if (_subscribers.Remove(subscription))
            {
                _delivering = null;
            }
        }
    }

    internal static string BuildData(string topic, long ts, JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("Event data must serialise to a JSON object.", nameof(payload));
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("topic", topic);
            writer.WriteNumber("ts", ts);
            foreach (var property in payload.EnumerateObject())
            {
                if (property.NameEquals("topic") || property.NameEquals("ts"))
                {
                    continue;
                }

                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
