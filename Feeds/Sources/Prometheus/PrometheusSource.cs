using Feeds.Backplane;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Producers;
using Feeds.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Sources.Prometheus;

/// <summary>
/// Polls each <c>Feeds:Prometheus:Queries</c> entry at its own interval and publishes one event per
/// poll on its topic: the values (<c>prometheus</c>), or why there are none (<c>source-error</c>),
/// after which that query alone backs off and keeps trying. Runs while this instance leads, like
/// the producers, so a cluster asks Prometheus once. Nothing a query or Prometheus does stops the
/// other queries or the app.
/// </summary>
internal sealed class PrometheusSource(
    FeedHub hub,
    TopicCatalog catalog,
    IFeedLeadership leadership,
    PrometheusQueryStates states,
    IHttpClientFactory httpClients,
    IOptions<FeedsOptions> options,
    FeedsMetrics metrics,
    TimeProvider time,
    ILogger<PrometheusSource> logger) : BackgroundService
{
    public const string HttpClientName = "prometheus";

    private readonly PrometheusOptions _options = options.Value.Prometheus;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            PrometheusLog.Disabled(logger);
            return Task.CompletedTask;
        }

        // Declared on every instance, so each can answer for these topics; only the leader polls.
        foreach (var query in _options.Queries)
        {
            catalog.Declare(new TopicInfo(
                query.Topic,
                PrometheusResult.EventType,
                $"Prometheus: {query.Query}{(query.Unit.Length > 0 ? $" ({query.Unit})" : "")}; a {PrometheusSourceError.EventType} event when the query fails.",
                PayloadFields.Of<PrometheusResult>(),
                query.IntervalSeconds * 1000));
        }

        PrometheusLog.Started(logger, _options.Url, _options.Queries.Count);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunWhileLeadingAsync(
            term => Task.WhenAll(states.States.Select(state => RunQueryAsync(state, term))),
            stoppingToken);

    private async Task RunQueryAsync(PrometheusQueryState state, CancellationToken stop)
    {
        var client = httpClients.CreateClient(HttpClientName);
        var path = "api/v1/query?query=" + Uri.EscapeDataString(state.Options.Query);
        while (!stop.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            var wait = await PollAsync(client, path, state, stop).ConfigureAwait(false);

            // The interval is from start to start, so a slow answer does not stretch the cadence.
            var remaining = wait - time.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, time, stop).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One poll and its event; returns the wait before the next.</summary>
    private async Task<TimeSpan> PollAsync(HttpClient client, string path, PrometheusQueryState state, CancellationToken stop)
    {
        var query = state.Options;
        var interval = TimeSpan.FromSeconds(query.IntervalSeconds);
        var result = await QueryAsync(client, path, stop).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (result.Succeeded)
        {
            var failuresBefore = state.Stats.Failures;
            state.Succeeded(now, result.Samples.Count);
            if (failuresBefore > 0)
            {
                PrometheusLog.QueryRecovered(logger, query.Topic, failuresBefore);
            }

            await PublishAsync(query.Topic, PrometheusResult.EventType, PrometheusResult.From(query, result.Samples, now), stop).ConfigureAwait(false);
            return interval;
        }

        var failures = state.Failed(now, result.Error!);
        var retry = Backoff(interval, failures);
        metrics.SourceError(query.Topic);
        PrometheusLog.QueryFailed(logger, query.Topic, result.ErrorType!, result.Error!, retry.TotalSeconds);
        await PublishAsync(query.Topic, PrometheusSourceError.EventType,
            new PrometheusSourceError(query.Query, result.ErrorType!, result.Error!, failures, retry.TotalSeconds), stop).ConfigureAwait(false);
        return retry;
    }

    private async Task<PromResult> QueryAsync(HttpClient client, string path, CancellationToken stop)
    {
        try
        {
            using var response = await client.GetAsync(path, stop).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(stop).ConfigureAwait(false);
            return PromResponseParser.Parse(response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            return PromResult.Failure("unavailable", $"Prometheus at {_options.Url} cannot be reached: {ex.Message}");
        }
        catch (TaskCanceledException) when (!stop.IsCancellationRequested)
        {
            return PromResult.Failure("timeout", $"Prometheus at {_options.Url} did not answer within {_options.TimeoutSeconds} s (Feeds:Prometheus:TimeoutSeconds).");
        }
    }

    /// <summary>The first retry comes after one interval, then the wait doubles, up to MaxBackoffSeconds (or the interval, if that is longer).</summary>
    private TimeSpan Backoff(TimeSpan interval, int failures)
    {
        var max = TimeSpan.FromSeconds(Math.Max(_options.MaxBackoffSeconds, interval.TotalSeconds));
        var doublings = Math.Min(failures - 1, 30);
        return TimeSpan.FromTicks(Math.Min(interval.Ticks * (1L << doublings), max.Ticks));
    }

    private async Task PublishAsync<T>(string topic, string type, T data, CancellationToken stop)
    {
        try
        {
            await hub.PublishAsync(topic, type, data, stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            // The backplane's database may be away; the next poll publishes again.
            PrometheusLog.PublishFailed(logger, topic, ex);
        }
    }
}
