using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>How the backplane tells a database that went away from a bug, and how long it waits before trying again.</summary>
internal sealed class Reconnect(TimeSpan first, TimeSpan max)
{
    private TimeSpan _next = first;
    private readonly TimeSpan _first = first;

    /// <summary>The wait before the next attempt.</summary>
    public TimeSpan Delay => _next;

    /// <summary>An error that means the database, or the way to it, is away now and may come back.</summary>
    public static bool IsDatabaseAway(Exception exception) =>
        exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException
            // Npgsql's "connection is broken" states surface as InvalidOperationException.
            or InvalidOperationException;

    /// <summary>
    /// PostgreSQL refused the login itself: a wrong password or user (class 28) or a database that
    /// does not exist. Unlike a database that is down, trying again will not help until someone acts.
    /// </summary>
    public static bool IsLoginRefused(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification or PostgresErrorCodes.InvalidCatalogName };

    /// <summary>The error in one line, for a log line or a start-up failure: its message, and its cause's when that adds to it.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{exception.Message}: {inner.Message}"
            : exception.Message;
        return text.ReplaceLineEndings(" ");
    }

    /// <summary>A connection worked: the next failure waits the shortest time again.</summary>
    public void Succeeded() => _next = _first;

    /// <summary>Waits, then doubles the next wait up to the maximum; false when <paramref name="stop"/> ended the wait.</summary>
    public async Task<bool> WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(_next, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, max.Ticks));
        return true;
    }
}
