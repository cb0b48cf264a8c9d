using System.Collections.Concurrent;
using Dashboard.Components.Controls;
using Dashboard.Options;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Components.Widgets;

/// <summary>
/// Base of every component that shows a feed. It subscribes once to the relay feeds it names,
/// starts from their windows, queues live events as they come and applies them in one batch
/// every <c>Dashboard:RenderIntervalMs</c>, so a component renders a few times a second however
/// fast its feeds are. Prerendering draws from the windows without subscribing.
/// While the viewer pauses the page nothing is applied: events wait, and resuming applies them
/// all at once; a pause long enough to pile up more than a window's worth drops the pile and
/// redraws from the relay's windows instead.
/// </summary>
public abstract class LiveComponent : ComponentBase, IAsyncDisposable
{
    private readonly ConcurrentQueue<FeedMessage> _pending = new();
    private readonly ConcurrentDictionary<string, bool> _resets = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _subscriptions = [];
    private ITimer? _timer;
    private int _stateChanged;
    private int _flushing;
    private volatile bool _resync;
    private volatile bool _disposed;

    [Inject]
    private FeedRelay Relay { get; set; } = default!;

    [Inject]
    private IOptions<DashboardOptions> DashboardOptions { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The viewer's pause and time window for this page.</summary>
    [Inject]
    protected PageControls Controls { get; private set; } = default!;

    /// <summary>The relay feeds (topics or prefixes) this component reads; fixed for its lifetime.</summary>
    protected abstract IReadOnlyList<string> Feeds { get; }

    /// <summary>The worst connection state among this component's feeds.</summary>
    protected FeedConnectionState ConnectionState =>
        Feeds.Select(p => Relay.Feed(p).State).DefaultIfEmpty(FeedConnectionState.Connecting).Max();

    protected DashboardOptions Settings => DashboardOptions.Value;

    /// <summary>Called once per feed, before any live event, with the feed's windows.</summary>
    protected virtual void OnBackfill(string feed, RelaySnapshot snapshot)
    {
    }

    /// <summary>Applies a batch of live events, oldest first. Runs on the renderer.</summary>
    protected virtual void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
    }

    /// <summary>The feed's upstream lost history: drop what is shown for it; what follows refills it.</summary>
    protected virtual void OnFeedReset(string feed)
    {
    }

    /// <summary>
    /// After a long pause: the feed's windows as they are now replace what is shown. By default a
    /// reset followed by a backfill.
    /// </summary>
    protected virtual void OnResync(string feed, RelaySnapshot snapshot)
    {
        OnFeedReset(feed);
        OnBackfill(feed, snapshot);
    }

    /// <summary>The viewer paused, resumed or chose another window. Runs on the renderer.</summary>
    protected virtual Task OnControlsChangedAsync() => Task.CompletedTask;

    /// <summary>Applies a batch and renders. Charts override this to push points to the browser instead.</summary>
    protected virtual Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        OnMessages(batch);
        StateHasChanged();
        return Task.CompletedTask;
    }

    protected override void OnInitialized()
    {
        var interactive = RendererInfo.IsInteractive;
        foreach (var pattern in Feeds)
        {
            var feed = Relay.Feed(pattern);
            RelaySnapshot snapshot;
            if (interactive)
            {
                _subscriptions.Add(feed.Subscribe(new Listener(this, pattern), out snapshot));
            }
            else
            {
                snapshot = feed.Snapshot();
            }

            OnBackfill(pattern, snapshot);
        }

        if (interactive)
        {
            Controls.Changed += OnControlsChangedEvent;
            var interval = TimeSpan.FromMilliseconds(Settings.RenderIntervalMs);
            _timer = Time.CreateTimer(static state => ((LiveComponent)state!).OnTick(), this, interval, interval);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (Controls is not null)
        {
            Controls.Changed -= OnControlsChangedEvent;
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    private void OnTick()
    {
        if (_disposed || Controls.Paused
            || (_pending.IsEmpty && _resets.IsEmpty && !_resync && Volatile.Read(ref _stateChanged) == 0))
        {
            return;
        }

        // A render slower than the interval must not stack up flushes behind it.
        if (Interlocked.Exchange(ref _flushing, 1) == 1)
        {
            return;
        }

        _ = InvokeAsync(FlushAsync);
    }

    private async Task FlushAsync()
    {
        try
        {
            if (_disposed)
            {
                return;
            }

            foreach (var pattern in _resets.Keys)
            {
                _resets.TryRemove(pattern, out _);
                OnFeedReset(pattern);
            }

            // Events that arrived while the snapshot was taken are in both: keep the snapshot's.
            Dictionary<string, long>? shown = null;
            if (_resync)
            {
                _resync = false;
                _pending.Clear();
                shown = new(StringComparer.Ordinal);
                foreach (var pattern in Feeds)
                {
                    var snapshot = Relay.Feed(pattern).Snapshot();
                    foreach (var topic in snapshot.Topics)
                    {
                        shown[topic] = snapshot.Latest(topic)?.Id ?? 0;
                    }

                    OnResync(pattern, snapshot);
                }
            }

            var batch = new List<FeedMessage>(_pending.Count);
            while (_pending.TryDequeue(out var message))
            {
                if (shown is null || !shown.TryGetValue(message.Topic, out var last) || message.Id > last)
                {
                    batch.Add(message);
                }
            }

            Interlocked.Exchange(ref _stateChanged, 0);
            await OnMessagesAsync(batch);
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
        finally
        {
            Volatile.Write(ref _flushing, 0);
        }
    }

    private void OnControlsChangedEvent() => _ = InvokeAsync(async () =>
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await OnControlsChangedAsync();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }

        // Catch up at once on resume rather than at the next tick.
        if (!Controls.Paused)
        {
            OnTick();
        }
    });

    private sealed class Listener(LiveComponent owner, string pattern) : IRelayListener
    {
        public void OnMessage(FeedMessage message)
        {
            owner._pending.Enqueue(message);
            if (owner.Controls.Paused && owner._pending.Count > owner.Settings.MaxEventsPerTopic)
            {
                owner._pending.Clear();
                owner._resync = true;
            }
        }

        public void OnReset() => owner._resets[pattern] = true;

        public void OnStateChanged(FeedConnectionState state) => Volatile.Write(ref owner._stateChanged, 1);
    }
}
