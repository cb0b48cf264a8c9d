using System.Threading.Channels;
using Feeds.Hub;
using Npgsql;
using NpgsqlTypes;

namespace Feeds.Backplane.Postgres;

/// <summary>
/// Writes events to the table, batching whatever is queued into one insert: one round trip and
/// one commit for a burst of events instead of one each. The ids come from the table's identity
/// sequence, in queue order.
/// </summary>
internal sealed class PostgresWriter(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private const string InsertSql = """
        INSERT INTO feed_events (topic, type, data, ts)
        SELECT e.topic, e.type, e.data::json, e.ts
        FROM unnest(@topics, @types, @data, @ts) WITH ORDINALITY AS e(topic, type, data, ts, n)
        ORDER BY e.n
        RETURNING id
        """;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _disposed;

    public void Start() => _loop = Task.Run(() => WriteLoopAsync(_stop.Token));

    public Task<FeedEvent> WriteAsync(FeedEventDraft draft, CancellationToken cancellationToken)
    {
        var pending = new Pending(draft with { Timestamp = PostgresEvents.ToMicroseconds(draft.Timestamp) });
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new FeedBackplaneUnavailableException("The backplane is stopping.");
        }

        // A caller that gives up does not unwrite the event: once queued it is published.
        return pending.Written.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            // Let what is queued be written, but not forever if the database is away.
            _stop.CancelAfter(TimeSpan.FromSeconds(5));
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task WriteLoopAsync(CancellationToken stop)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                await WriteBatchAsync(batch, stop).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var gone = new FeedBackplaneUnavailableException("The backplane stopped before the event was written.");
            batch.ForEach(p => p.Written.TrySetException(gone));
            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Written.TrySetException(gone);
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch, CancellationToken stop)
    {
        try
        {
            await using var command = dataSource.CreateCommand(InsertSql);
            command.Parameters.Add(new NpgsqlParameter<string[]>("topics", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.Select(p => p.Draft.Topic).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.Select(p => p.Draft.Type).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]>("data", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = batch.Select(p => p.Draft.Data).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("ts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = batch.Select(p => p.Draft.Timestamp.UtcDateTime).ToArray() });

            var ids = new List<long>(batch.Count);
            await using (var reader = await command.ExecuteReaderAsync(stop).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(stop).ConfigureAwait(false))
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            // The rows were inserted in queue order, each taking the next value of the sequence.
            ids.Sort();
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Written.TrySetResult(batch[i].Draft.WithId(ids[i]));
            }
        }
        catch (Exception ex) when (Reconnect.IsDatabaseAway(ex))
        {
            var unavailable = new FeedBackplaneUnavailableException($"The event could not be written to PostgreSQL: {ex.Message}", ex);
            batch.ForEach(p => p.Written.TrySetException(unavailable));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not the database going away: the callers get the error, and the writer goes on for the next batch.
            batch.ForEach(p => p.Written.TrySetException(ex));
        }
    }

    private sealed record Pending(FeedEventDraft Draft)
    {
        public TaskCompletionSource<FeedEvent> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
