using Feeds.Hub;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>
/// Wakes this instance for every event any instance writes: LISTEN on one connection, then each
/// NOTIFY delivered in order. When the database goes away it reconnects with backoff and first
/// delivers, from the table, everything committed while it was not listening.
/// </summary>
internal sealed class PostgresListener(NpgsqlDataSource dataSource, TimeSpan maxBackoff, Action<FeedEvent> deliver, ILogger logger)
{
    private readonly List<string> _inbox = [];
    private long _lastDelivered = -1;
    private long _reconnects;
    private volatile string? _problem = "not connected to PostgreSQL yet";

    /// <summary>Why this instance is not listening now; null while it is.</summary>
    public string? Problem => _problem;

    /// <summary>The newest id any instance had committed when this one last caught up; -1 before it first connected.</summary>
    public long LastDelivered => Interlocked.Read(ref _lastDelivered);

    /// <summary>Times the database went away and listening started over.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>
    /// Listens until <paramref name="stop"/>. <paramref name="listening"/> completes once the first
    /// LISTEN is in place; while the caller has not completed it itself, a refused login fails it and
    /// ends the listener, since retrying a wrong password only fills the log.
    /// </summary>
    public async Task RunAsync(TaskCompletionSource listening, CancellationToken stop)
    {
        var reconnect = new Reconnect(TimeSpan.FromMilliseconds(100), maxBackoff);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
                await PostgresSchema.EnsureAsync(connection, stop).ConfigureAwait(false);
                connection.Notification += (_, e) => _inbox.Add(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresSchema.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                }

                // From here every commit is announced; what was committed before is read from the table.
                await CatchUpAsync(connection, stop).ConfigureAwait(false);
                if (_problem is not null)
                {
                    BackplaneLog.Listening(logger, LastDelivered);
                }

                _problem = null;
                reconnect.Succeeded();
                listening.TrySetResult();
                while (true)
                {
                    // A row read from the table can bring more notifications in with it; deliver
                    // those too before waiting, or they would wait for the next event to arrive.
                    while (_inbox.Count > 0)
                    {
                        await DeliverInboxAsync(connection, stop).ConfigureAwait(false);
                    }

                    await connection.WaitAsync(stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (Reconnect.IsDatabaseAway(ex))
            {
                if (Reconnect.IsLoginRefused(ex) && listening.TrySetException(new FeedBackplaneLoginRefusedException(
                    $"ConnectionStrings:Feeds: PostgreSQL refused the login ({Reconnect.Describe(ex)}); check the user, password and database it names.", ex)))
                {
                    return;
                }

                _inbox.Clear();
                Interlocked.Increment(ref _reconnects);
                _problem = $"PostgreSQL is not reachable: {ex.Message}";
                BackplaneLog.ListenFailed(logger, Reconnect.Describe(ex), reconnect.Delay.TotalMilliseconds);
                BackplaneLog.DatabaseError(logger, ex);
            }

            if (!await reconnect.WaitAsync(stop).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task CatchUpAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        await using var newest = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM feed_events", connection);
        var newestId = (long)(await newest.ExecuteScalarAsync(stop).ConfigureAwait(false))!;
        if (LastDelivered < 0 || newestId < LastDelivered)
        {
            // First start: this instance has no subscribers yet, so it starts from the newest id.
            // A newest id below what was delivered means the database was replaced: start over from it.
            if (LastDelivered >= 0)
            {
                BackplaneLog.DatabaseReplaced(logger, LastDelivered, newestId);
            }

            Interlocked.Exchange(ref _lastDelivered, newestId);
            return;
        }

        await DeliverFromTableAsync(connection, long.MaxValue, stop).ConfigureAwait(false);
    }

    private async Task DeliverInboxAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        // Reading a row below may raise more notifications into the inbox; they go in the next pass.
        var payloads = _inbox.ToArray();
        _inbox.Clear();
        foreach (var payload in payloads)
        {
            if (!PostgresEvents.TryParseNotification(payload, out var id, out var feedEvent))
            {
                // Anyone who can connect can NOTIFY on the channel; a stray message must not stop the listener.
                BackplaneLog.MalformedNotification(logger, payload.Length > 80 ? payload[..80] : payload);
                continue;
            }

            if (id <= LastDelivered)
            {
                continue;
            }

            if (feedEvent is null)
            {
                // Too big for NOTIFY: read it, and anything before it not yet delivered, from the table.
                await DeliverFromTableAsync(connection, id, stop).ConfigureAwait(false);
                continue;
            }

            Deliver(feedEvent);
        }
    }

    private async Task DeliverFromTableAsync(NpgsqlConnection connection, long throughId, CancellationToken stop)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {PostgresEvents.Columns} FROM feed_events WHERE id > @after AND id <= @through ORDER BY id", connection);
        command.Parameters.AddWithValue("after", LastDelivered);
        command.Parameters.AddWithValue("through", throughId);
        var events = new List<FeedEvent>();
        await using (var reader = await command.ExecuteReaderAsync(stop).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(stop).ConfigureAwait(false))
            {
                events.Add(PostgresEvents.Read(reader));
            }
        }

        if (events.Count > 0 && throughId == long.MaxValue)
        {
            BackplaneLog.CaughtUp(logger, events.Count, LastDelivered);
        }

        events.ForEach(Deliver);
    }

    private void Deliver(FeedEvent feedEvent)
    {
        Interlocked.Exchange(ref _lastDelivered, feedEvent.Id);
        deliver(feedEvent);
    }
}
