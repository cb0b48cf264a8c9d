using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>
/// Trims <c>feed_events</c> to <c>Feeds:History:PerTopic</c> events per topic every
/// <c>Feeds:History:TrimSeconds</c>, on the leader only, and records the newest trimmed id per
/// topic so a resume from before it is told to reset.
/// </summary>
internal sealed class PostgresRetention(PostgresConnection connection, IFeedLeadership leadership, IOptions<FeedsOptions> options, ILogger<PostgresRetention> logger)
    : BackgroundService
{
    // The distinct topics by a skip scan of the (topic, id) index; then, per topic, the id of the
    // newest event past the limit; then the mark and the delete, in one statement and one snapshot.
    private const string TrimSql = """
        WITH RECURSIVE topics(topic) AS (
            (SELECT topic FROM feed_events ORDER BY topic LIMIT 1)
            UNION ALL
            SELECT (SELECT e.topic FROM feed_events e WHERE e.topic > t.topic ORDER BY e.topic LIMIT 1)
            FROM topics t WHERE t.topic IS NOT NULL
        ),
        cuts AS (
            SELECT t.topic, (SELECT e.id FROM feed_events e WHERE e.topic = t.topic ORDER BY e.id DESC OFFSET @keep LIMIT 1) AS through
            FROM topics t WHERE t.topic IS NOT NULL
        ),
        marked AS (
            INSERT INTO feed_topics (topic, trimmed_through)
            SELECT topic, through FROM cuts WHERE through IS NOT NULL
            ON CONFLICT (topic) DO UPDATE SET trimmed_through = GREATEST(feed_topics.trimmed_through, EXCLUDED.trimmed_through)
        )
        DELETE FROM feed_events e USING cuts c
        WHERE c.through IS NOT NULL AND e.topic = c.topic AND e.id <= c.through
        """;

    private readonly HistoryOptions _history = options.Value.History;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunWhileLeadingAsync(TrimWhileLeadingAsync, stoppingToken);

    /// <summary>One pass now; the tests call it rather than wait for the timer.</summary>
    public async Task<int> TrimAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.DataSource.CreateCommand(TrimSql);
        command.Parameters.AddWithValue("keep", _history.PerTopic);
        var trimmed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        BackplaneLog.Trimmed(logger, trimmed, _history.PerTopic);
        return trimmed;
    }

    private async Task TrimWhileLeadingAsync(CancellationToken term)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_history.TrimSeconds));
        while (await timer.WaitForNextTickAsync(term).ConfigureAwait(false))
        {
            try
            {
                await TrimAsync(term).ConfigureAwait(false);
            }
            catch (Exception ex) when (Reconnect.IsDatabaseAway(ex))
            {
                BackplaneLog.TrimFailed(logger, Reconnect.Describe(ex));
                BackplaneLog.DatabaseError(logger, ex);
            }
        }
    }
}
