using Feeds.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Feeds.Backplane.Postgres;

/// <summary>
/// Leadership by a PostgreSQL session-level advisory lock, held on one dedicated connection. The
/// database frees the lock the moment that connection dies (the process was killed, the machine
/// went away and TCP noticed, the database restarted), and the other instances, trying every
/// <c>Feeds:Backplane:LeaderCheckMs</c>, take it over. A leader checks its connection as often
/// and steps down as soon as it fails, so two instances lead together for at most about that long.
/// </summary>
internal sealed class PostgresLeadership(PostgresConnection connection, IOptions<FeedsOptions> options, IHostApplicationLifetime lifetime, ILogger<PostgresLeadership> logger)
    : BackgroundService, IFeedLeadership
{
    private static readonly string TryLockSql = $"SELECT pg_try_advisory_lock({PostgresSchema.LeaderLock})";

    // Advisory locks on a bigint key show in pg_locks as its high half (classid) and low half (objid).
    private static readonly string LeaderSql = $"""
        SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND ((l.classid::bigint << 32) | l.objid::bigint) = {PostgresSchema.LeaderLock}
        """;

    private readonly TimeSpan _check = TimeSpan.FromMilliseconds(options.Value.Backplane.LeaderCheckMs);
    private readonly TimeSpan _maxBackoff = TimeSpan.FromMilliseconds(options.Value.Backplane.ReconnectMaxMs);
    private readonly Lock _gate = new();
    private TaskCompletionSource<CancellationToken> _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _term;
    private volatile string? _leader;

    public string Instance => connection.Instance;

    public bool IsLeader => Volatile.Read(ref _term) is not null;

    public string? Leader => _leader;

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _nextTerm.Task.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // An instance that may still fail to start (its port taken) must not take the lock, nor run the producers.
            await lifetime.ApplicationStarted.WhenSignalledAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        var reconnect = new Reconnect(_check, _maxBackoff);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own connection, not from the pool: the lock lives and dies with this session.
                await using var session = await connection.LeaderDataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                reconnect.Succeeded();
                while (true)
                {
                    if (!IsLeader && await TryLockAsync(session, stoppingToken).ConfigureAwait(false))
                    {
                        BeginTerm();
                    }

                    // Also the leader's liveness check: a dead session fails here.
                    await using (var who = new NpgsqlCommand(LeaderSql, session))
                    {
                        _leader = await who.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false) as string;
                    }

                    await Task.Delay(_check, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (Reconnect.IsDatabaseAway(ex))
            {
                _leader = null;
                if (EndTerm())
                {
                    BackplaneLog.LostLeadership(logger, Instance, Reconnect.Describe(ex));
                }
                else
                {
                    BackplaneLog.LeadershipCheckFailed(logger, reconnect.Delay.TotalMilliseconds, Reconnect.Describe(ex));
                }

                BackplaneLog.DatabaseError(logger, ex);
            }

            if (!await reconnect.WaitAsync(stoppingToken).ConfigureAwait(false))
            {
                break;
            }
        }

        // Stopping: the producers stop with the host; closing the session above freed the lock.
        EndTerm();
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection session, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TryLockSql, session);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private void BeginTerm()
    {
        lock (_gate)
        {
            _term = new CancellationTokenSource();
            _nextTerm.TrySetResult(_term.Token);
        }

        BackplaneLog.BecameLeader(logger, Instance);
    }

    /// <summary>Ends the current term, if any; true when there was one.</summary>
    private bool EndTerm()
    {
        CancellationTokenSource? ended;
        lock (_gate)
        {
            ended = _term;
            if (ended is null)
            {
                return false;
            }

            _term = null;
            _nextTerm = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Not disposed: a producer may still be linking its token to it.
        ended.Cancel();
        return true;
    }
}
