using Feeds.Hub;
using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>
/// The backplane for several instances: an event is a row in <c>feed_events</c>, whose identity
/// sequence gives ids ordered across instances and kept across restarts; a trigger NOTIFYs every
/// instance, and each instance delivers to its listeners only what it hears, its own events
/// included, so all of them deliver the same events with the same ids in the same order.
/// </summary>
internal sealed class PostgresBackplane : IFeedBackplane, IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan FirstConnectWait = TimeSpan.FromSeconds(10);

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresWriter _writer;
    private readonly PostgresListener _listener;
    private readonly ILogger<PostgresBackplane> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly BackplaneListeners _listeners = new();
    private readonly Lock _gate = new();
    private Task? _listening;
    private Task? _shutdown;

    public PostgresBackplane(PostgresConnection connection, IOptions<FeedsOptions> options, ILogger<PostgresBackplane> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = connection.DataSource;
        _logger = logger;
        _writer = new PostgresWriter(_dataSource);
        _listener = new PostgresListener(_dataSource, TimeSpan.FromMilliseconds(options.Value.Backplane.ReconnectMaxMs), _listeners.Deliver, logger);
    }

    public string? Problem => _listener.Problem;

    /// <summary>Times the listener lost the database and began reconnecting; for the <c>feeds.backplane.reconnects</c> instrument.</summary>
    public long Reconnects => _listener.Reconnects;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _listening = Task.Run(() => _listener.RunAsync(listening, _stop.Token), CancellationToken.None);
        _writer.Start();

        // Producers start after this: give the first connection a moment, so their first events are
        // heard. A database that is not there yet is not fatal; the listener keeps trying, and once
        // this wait is over it keeps trying whatever the database answers. One that refuses the
        // login while we wait fails the start: that is a setting to fix, not an outage to wait out.
        await Task.WhenAny(listening.Task, Task.Delay(FirstConnectWait, cancellationToken)).ConfigureAwait(false);
        if (!listening.TrySetCanceled(CancellationToken.None))
        {
            await listening.Task.ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => ShutDownAsync().WaitAsync(cancellationToken);

    public async ValueTask<FeedEvent> DispatchAsync(FeedEventDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return await _writer.WriteAsync(draft, cancellationToken).ConfigureAwait(false);
    }

    public IDisposable Subscribe(Action<FeedEvent> listener) => _listeners.Add(listener);

    public async ValueTask<FeedHistory> ReadHistoryAsync(TopicFilter filter, long afterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        try
        {
            return await PostgresHistory.ReadAsync(_dataSource, filter, afterId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Reconnect.IsDatabaseAway(ex))
        {
            throw new FeedBackplaneUnavailableException($"History could not be read from PostgreSQL: {ex.Message}", ex);
        }
    }

    // The container disposes a singleton once for each service type it is registered under: this one
    // is the backplane, IFeedBackplane and a hosted service, so DisposeAsync comes three times after StopAsync.
    public async ValueTask DisposeAsync() => await ShutDownAsync().ConfigureAwait(false);

    /// <summary>Stops writing, then listening, once; every later call waits for that same shutdown.</summary>
    private Task ShutDownAsync()
    {
        lock (_gate)
        {
            return _shutdown ??= ShutDownOnceAsync();
        }
    }

    private async Task ShutDownOnceAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_listening is not null)
        {
            await _listening.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
