using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Dashboard.Tests.Shared;

/// <summary>
/// The dashboard executable as its own process on 127.0.0.1, for the tests that need several
/// instances and one that dies: <see cref="Kill"/> is SIGKILL, no shutdown, as a crash.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private TaskCompletionSource _outputChanged = NewSignal();

    private DashboardProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process printed, for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>What the process printed on stdout and stderr, one entry per line (the last 400).</summary>
    public IReadOnlyList<string> Lines => [.. _output];

    /// <summary>Starts the instance and returns once it answers <c>/healthz</c>.</summary>
    public static async Task<DashboardProcess> StartAsync(HttpClient http, params string[] arguments)
    {
        var instance = Launch(arguments);
        await instance.WaitForHealthAsync(http, HttpStatusCode.OK);
        return instance;
    }

    /// <summary>Starts the instance and returns at once, for a test that watches it start, or fail to.</summary>
    public static DashboardProcess Launch(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true };

        // A later --urls among the arguments wins over this one.
        foreach (var argument in arguments.Prepend($"--urls={baseAddress}"))
        {
            start.ArgumentList.Add(argument);
        }

        return new DashboardProcess(Process.Start(start)!, baseAddress);
    }

    /// <summary>Starts an instance expected to stop by itself, and returns its exit code once it has, within <see cref="Patience"/>.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunToExitAsync(params string[] arguments)
    {
        await using var instance = Launch(arguments);
        using var deadline = new CancellationTokenSource(Patience);
        try
        {
            await instance._process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The instance was still running after {Patience}:\n{instance.Output}");
        }

        return (instance._process.ExitCode, instance.Lines);
    }

    /// <summary>Waits until what the process printed satisfies <paramref name="condition"/>.</summary>
    public async Task WaitForOutputAsync(Func<IReadOnlyList<string>, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            // Take the signal before checking, so a line printed between the two is not missed.
            var changed = Volatile.Read(ref _outputChanged).Task;
            if (condition(Lines))
            {
                return;
            }

            Assert.False(_process.HasExited, $"The instance exited before {what}:\n{Output}");
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{what} did not happen in {Patience}:\n{Output}");
            }
        }
    }

    /// <summary>Polls <c>/healthz</c> until it answers <paramref name="status"/>; not listening yet counts as not yet.</summary>
    public async Task WaitForHealthAsync(HttpClient http, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            Assert.False(_process.HasExited, $"The instance exited:\n{Output}");
            try
            {
                using var health = await http.GetAsync(new Uri(BaseAddress, "/healthz"), deadline.Token);
                if (health.StatusCode == status)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"/healthz did not answer {(int)status} in {Patience}:\n{Output}");
            }

            await Task.Delay(100, deadline.Token);
        }
    }

    /// <summary>The <c>cluster</c> part of <c>/feeds/stats</c>.</summary>
    public async Task<JsonElement> ClusterAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(BaseAddress, "/feeds/stats")));
        return stats.RootElement.GetProperty("cluster").Clone();
    }

    /// <summary>Polls <c>/feeds/stats</c> until <paramref name="condition"/> holds of its cluster part.</summary>
    public async Task<JsonElement> WaitForClusterAsync(HttpClient http, Func<JsonElement, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var cluster = await ClusterAsync(http);
            if (condition(cluster))
            {
                return cluster;
            }

            Assert.True(deadline.Elapsed < Patience, $"{what} did not happen in {Patience}; last stats: {cluster}\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>Ends the process at once, as a crash would: no shutdown, no goodbye to PostgreSQL.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Sends SIGTERM, as systemd, Docker or Kubernetes stop a service, and returns the exit code once the process has exited.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))!)
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(deadline.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400)
        {
            _output.TryDequeue(out _);
        }

        Interlocked.Exchange(ref _outputChanged, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The dashboard's own build output: the same configuration and layout as this test project's.</summary>
    private static string Executable()
    {
        var testOutput = AppContext.BaseDirectory;
        var marker = $"{Path.DirectorySeparatorChar}Dashboard.Tests{Path.DirectorySeparatorChar}";
        var at = testOutput.LastIndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"Cannot find the repository from {testOutput}");
        var path = Path.Combine(testOutput[..at], "Dashboard", testOutput[(at + marker.Length)..], "Dashboard");
        Assert.True(File.Exists(path), $"The dashboard executable is not built at {path}");
        return path;
    }
}
