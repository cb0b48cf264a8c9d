using System.Net;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Cluster;

/// <summary>
/// The real executable started on a PostgreSQL it cannot use. A login the database refuses is a
/// setting to fix, so the start fails at once; a database that is down may come back, so the
/// instance waits for it, logging each retry as one line.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Tier", "Cluster")]
public sealed class DatabaseStartupTests(PostgresServer postgres)
{
    private static readonly string[] LevelPrefixes = ["trce: ", "dbug: ", "info: ", "warn: ", "fail: ", "crit: "];

    [Fact]
    public async Task Run_WrongPassword_ExitsOneWithOneLineNamingTheConnectionString()
    {
        var connectionString = await postgres.CreatePasswordDatabaseAsync("not-the-password");

        var (exitCode, lines) = await DashboardProcess.RunToExitAsync("--Feeds:Backplane:Kind=Postgres", $"--ConnectionStrings:Feeds={connectionString}");

        Assert.True(exitCode == 1, $"Exited with {exitCode}:\n{string.Join('\n', lines)}");
        var line = Assert.Single(lines);
        Assert.Contains("ConnectionStrings:Feeds", line, StringComparison.Ordinal);
        Assert.Contains("password authentication failed", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RightPassword_Serves()
    {
        // The same role and database as above, with its password: the failure above is the password's.
        var connectionString = await postgres.CreatePasswordDatabaseAsync(PostgresServer.Password);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        await using var instance = await DashboardProcess.StartAsync(http, "--Feeds:Backplane:Kind=Postgres", $"--ConnectionStrings:Feeds={connectionString}");

        await instance.WaitForHealthAsync(http, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Run_DatabaseDown_LogsEachRetryAsOneLineWithoutStackTrace()
    {
        // Nothing listens on this port: the database is down rather than refusing.
        await using var instance = DashboardProcess.Launch(
            "--Feeds:Backplane:Kind=Postgres",
            $"--ConnectionStrings:Feeds=Host=127.0.0.1;Port={FreePort.Next()};Username=postgres;Database=feeds;Timeout=2",
            "--Feeds:Backplane:ReconnectMaxMs=200");

        await instance.WaitForOutputAsync(lines => lines.Count(IsRetry) >= 5 && !IsRetry(lines[^1]), "five retries, each with its message");

        // The console logger writes an entry as a header ("warn: Category[5002]") and its message on
        // the next line; anything more under a header is a stack trace or exception data.
        var lines = instance.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.True(IsHeader(lines[i]) || (i > 0 && IsHeader(lines[i - 1])), $"Line {i} is a second line under one entry:\n{instance.Output}");
        }

        var retries = lines.Select((line, i) => (line, i)).Where(l => IsRetry(l.line)).ToList();
        Assert.All(retries, r => Assert.Contains("PostgreSQL is not reachable (Failed to connect to", lines[r.i + 1], StringComparison.Ordinal));
    }

    private static bool IsRetry(string line) => line.StartsWith("warn: ", StringComparison.Ordinal) && line.Contains("[5002]", StringComparison.Ordinal);

    private static bool IsHeader(string line) => LevelPrefixes.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal));
}
