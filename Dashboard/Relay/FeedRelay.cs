using System.Collections.Concurrent;
using Dashboard.Options;
using Feeds.Client;
using Microsoft.Extensions.Options;

namespace Dashboard.Relay;

/// <summary>
/// The process-wide relay between the feeds and the circuits: one upstream stream per topic or
/// prefix, opened on first use and shared by every component that shows it.
/// </summary>
public sealed class FeedRelay(IRelayUpstream upstream, IOptions<DashboardOptions> options, ILogger<FeedRelay> logger) : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RelayFeed>> _feeds = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _pumps = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Raised, on the relay's thread, when any feed's connection state changes.</summary>
    public event Action? StateChanged;

    /// <summary>The worst state among the open feeds: one feed offline makes the relay offline.</summary>
    public FeedConnectionState State => FeedStates.DefaultIfEmpty(FeedConnectionState.Connecting).Max();

    /// <summary>Each open feed's state: what <see cref="State"/> sums up, and the relay metrics count.</summary>
    public IEnumerable<FeedConnectionState> FeedStates => _feeds.Values.Where(f => f.IsValueCreated).Select(f => f.Value.State);

    /// <summary>Events held in every open feed's windows: bounded by the window's span and count, so it levels off.</summary>
    public long WindowedEvents => _feeds.Values.Where(f => f.IsValueCreated).Sum(f => (long)f.Value.WindowedEvents);

    /// <summary>The feed for a topic or prefix, opening its upstream stream the first time it is asked for.</summary>
    public RelayFeed Feed(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return _feeds.GetOrAdd(pattern, p => new Lazy<RelayFeed>(() => Open(p))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_pumps).ConfigureAwait(false);
    }

    /// <summary>Stops the pumps without waiting for them; for containers that dispose synchronously.</summary>
    public void Dispose() => _stopping.Cancel();

    private RelayFeed Open(string pattern)
    {
        var value = options.Value;
        var feed = new RelayFeed(pattern, TimeSpan.FromMinutes(value.WindowMinutes), value.MaxEventsPerTopic, TimeSpan.FromMinutes(value.DetailMinutes));
        feed.Subscribe(new StateForwarder(this), out _);
        _pumps.Add(Task.Run(() => PumpAsync(feed)));
        return feed;
    }

    private async Task PumpAsync(RelayFeed feed)
    {
        try
        {
            await upstream.RunAsync(feed, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Only a fatal answer (a 4xx) ends a pump; the page shows the feed offline.
            RelayLog.UpstreamFailed(logger, feed.Pattern, exception);
            feed.SetState(FeedConnectionState.Offline);
        }
    }

    private sealed class StateForwarder(FeedRelay relay) : IRelayListener
    {
        public void OnMessage(FeedMessage message)
        {
        }

        public void OnReset()
        {
        }

        public void OnStateChanged(FeedConnectionState state) => relay.StateChanged?.Invoke();
    }
}
