using System.Diagnostics;
using Npgsql;

namespace Dashboard.Tests.Shared;

/// <summary>
/// A private PostgreSQL server for the cluster tests: Debian's binaries, a throwaway cluster made
/// with initdb in a temporary folder, on 127.0.0.1 and a free port, stopped and deleted at the end.
/// It can be stopped and started again to test a database restart. As root (CI), the server runs
/// as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The one role that must give its password (<see cref="Password"/>); every other signs in on trust.</summary>
    public const string PasswordRole = "feeds_password";

    public const string Password = "the-right-password";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"feeds-pg-{Guid.NewGuid():N}");
    private int _databases;

    public int Port { get; } = FreePort.Next();

    private string DataFolder => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", $"postgres {_folder}");
        }

        await RunPostgresToolAsync("initdb", $"-D {DataFolder} -U postgres --auth=trust -E UTF8 --no-sync");

        // The first matching line wins: this role alone is asked for its password.
        var hba = Path.Combine(DataFolder, "pg_hba.conf");
        await File.WriteAllTextAsync(hba, $"host all {PasswordRole} 127.0.0.1/32 scram-sha-256\n" + await File.ReadAllTextAsync(hba));
        await StartAsync();
        await ExecuteAsync($"CREATE ROLE {PasswordRole} LOGIN PASSWORD '{Password}'");
    }

    /// <summary>A new, empty database on this server, and the connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"feeds_{Interlocked.Increment(ref _databases)}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    /// <summary>A new database owned by <see cref="PasswordRole"/>, and a connection string for it that signs in with <paramref name="password"/>.</summary>
    public async Task<string> CreatePasswordDatabaseAsync(string password)
    {
        var name = $"feeds_{Interlocked.Increment(ref _databases)}";
        await ExecuteAsync($"CREATE DATABASE {name} OWNER {PasswordRole}");
        return $"Host=127.0.0.1;Port={Port};Username={PasswordRole};Password={password};Database={name};Timeout=5;Command Timeout=10";
    }

    public Task StartAsync() =>
        RunPostgresToolAsync("pg_ctl", $"-D {DataFolder} -o \"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off\" -l {_folder}/log -w start");

    /// <summary>Stops the server at once, closing every session, as a database restart or crash would.</summary>
    public async Task StopAsync()
    {
        await RunPostgresToolAsync("pg_ctl", $"-D {DataFolder} -m immediate -w stop");

        // The tests' own pooled connections died with it.
        NpgsqlConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        await RunPostgresToolAsync("pg_ctl", $"-D {DataFolder} -m immediate -w stop", check: false);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=10";

    private static string BinFolder()
    {
        // Debian installs each major version side by side; take the newest.
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0)
            .FirstOrDefault();
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does this).");
    }

    private Task RunPostgresToolAsync(string tool, string arguments, bool check = true)
    {
        var path = Path.Combine(BinFolder(), tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", $"-u postgres -- {path} {arguments}", check)
            : RunAsync(path, arguments, check);
    }

    private static async Task RunAsync(string file, string arguments, bool check = true)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
