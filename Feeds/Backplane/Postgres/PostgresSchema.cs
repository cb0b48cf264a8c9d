using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>
/// The tables and triggers the PostgreSQL backplane needs, created on start. Every statement is
/// idempotent, and instances starting together take turns under an advisory lock.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The NOTIFY channel every instance listens on.</summary>
    public const string Channel = "feed_events";

    /// <summary>
    /// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. A bigger event is announced by
    /// its id alone, and listeners read it from the table.
    /// </summary>
    public const int MaxNotifyBytes = 7999;

    // Arbitrary constants, unlikely to meet another application's advisory locks in the same database.
    private const long SchemaLock = 0x46454544_53000001;
    public const long LeaderLock = 0x46454544_53000002;
    private const long InsertLock = 0x46454544_53000003;

    private static readonly string Sql = $"""
        SELECT pg_advisory_xact_lock({SchemaLock});

        CREATE TABLE IF NOT EXISTS feed_events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            topic text NOT NULL,
            type text NOT NULL,
            -- json, not jsonb: the text is kept byte for byte, as every instance must send the same data.
            data json NOT NULL,
            ts timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS feed_events_topic_id ON feed_events (topic, id);

        -- The newest id trimmed from each topic: a resume from before it was told "reset".
        CREATE TABLE IF NOT EXISTS feed_topics (
            topic text PRIMARY KEY,
            trimmed_through bigint NOT NULL
        );

        -- Inserts take turns, so transactions commit in id order: a listener never sees id 11
        -- before id 10, and "everything after id 10" is never missing a late commit of 10.
        CREATE OR REPLACE FUNCTION feed_events_take_turn() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({InsertLock});
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER feed_events_take_turn BEFORE INSERT ON feed_events
            FOR EACH STATEMENT EXECUTE FUNCTION feed_events_take_turn();

        CREATE OR REPLACE FUNCTION feed_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            payload text;
        BEGIN
            payload := json_build_object('id', NEW.id, 'topic', NEW.topic, 'type', NEW.type,
                'ts', (extract(epoch FROM NEW.ts) * 1000000)::bigint, 'data', NEW.data)::text;
            IF octet_length(payload) > {MaxNotifyBytes} THEN
                payload := json_build_object('id', NEW.id)::text;
            END IF;
            PERFORM pg_notify('{Channel}', payload);
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER feed_events_notify AFTER INSERT ON feed_events
            FOR EACH ROW EXECUTE FUNCTION feed_events_notify();
        """;

    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
