using System.Data;
using Feeds.Hub;
using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>History and <c>Last-Event-ID</c> replay, read from the table in one snapshot.</summary>
internal static class PostgresHistory
{
    // A topic matches when it is named, or starts with a named prefix ("metrics/" for metrics/*).
    private const string Matches = "(topic = ANY(@exact) OR EXISTS (SELECT 1 FROM unnest(@prefixes) AS p WHERE starts_with(topic, p)))";

    public static async Task<FeedHistory> ReadAsync(NpgsqlDataSource dataSource, TopicFilter filter, long afterId, CancellationToken cancellationToken)
    {
        var exact = filter.Patterns.Where(p => !p.IsPrefix).Select(p => p.Text).ToArray();
        var prefixes = filter.Patterns.Where(p => p.IsPrefix).Select(p => p.Prefix!).ToArray();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for the events, the trim marks and the newest id, so they agree with each other.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

        var events = new List<FeedEvent>();
        await using (var command = new NpgsqlCommand($"SELECT {PostgresEvents.Columns} FROM feed_events WHERE id > @after AND {Matches} ORDER BY id", connection, transaction))
        {
            AddFilter(command, exact, prefixes);
            command.Parameters.AddWithValue("after", afterId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(PostgresEvents.Read(reader));
            }
        }

        long trimmedThrough;
        long newest;
        await using (var command = new NpgsqlCommand(
            $"SELECT (SELECT coalesce(max(trimmed_through), 0) FROM feed_topics WHERE {Matches}), (SELECT coalesce(max(id), 0) FROM feed_events)",
            connection, transaction))
        {
            AddFilter(command, exact, prefixes);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            trimmedThrough = reader.GetInt64(0);
            newest = reader.GetInt64(1);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // An id above any in the table is from another database (or one since wiped): what the
        // client missed is unknown, so it is told to reset, as after a single instance's restart.
        var beyondLast = afterId > newest;
        if (beyondLast)
        {
            events.Clear();
            return await ReadAsync(dataSource, filter, 0, cancellationToken).ConfigureAwait(false) with { Complete = false };
        }

        return new FeedHistory(events, afterId >= trimmedThrough, trimmedThrough);
    }

    private static void AddFilter(NpgsqlCommand command, string[] exact, string[] prefixes)
    {
        command.Parameters.AddWithValue("exact", exact);
        command.Parameters.AddWithValue("prefixes", prefixes);
    }
}
