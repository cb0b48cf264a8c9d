using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Dashboard.Tests.Shared;

/// <summary>
/// A private Prometheus and node_exporter for the data-source tests: Debian's binaries on 127.0.0.1
/// and free ports, Prometheus scraping node_exporter every second into a throwaway storage folder,
/// both stopped and the folder deleted at the end. Prometheus can be killed (SIGKILL, as a crash)
/// and started again on the same port and storage, and told to scrape another target (the app).
/// </summary>
public sealed class PrometheusServer : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>How often Prometheus scrapes; the tests' intervals are measured against it.</summary>
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(1);

    // Between two looks at an outside process that has no event to wait on (a port opening, a scrape landing).
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"feeds-prom-{Guid.NewGuid():N}");
    private readonly ConcurrentDictionary<string, Uri> _targets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _nodeExporter;
    private Process? _prometheus;

    public int Port { get; } = FreePort.Next();

    public int NodeExporterPort { get; } = FreePort.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>node_exporter's <c>instance</c> label as Prometheus records it.</summary>
    public string NodeInstance => $"127.0.0.1:{NodeExporterPort}";

    public bool IsRunning => _prometheus is { HasExited: false };

    /// <summary>The last lines both processes printed, for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    private string ConfigFile => Path.Combine(_folder, "prometheus.yml");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _nodeExporter = Start(Binary("prometheus-node-exporter"),
            $"--web.listen-address=127.0.0.1:{NodeExporterPort}",
            // No D-Bus here: the systemd collector would log an error at every scrape.
            "--no-collector.systemd");
        await WriteConfigAsync();
        await StartAsync();

        // Two scrapes of node_exporter, so rate() over a few seconds has an answer from the first test on.
        await WaitForQueryAsync("count_over_time(up{job=\"node\"}[1m]) >= 2", HasSeries, "two scrapes of node_exporter");
    }

    /// <summary>Starts Prometheus (again) on the same port and storage, and returns once it is ready and scraping node_exporter.</summary>
    public async Task StartAsync()
    {
        _prometheus = Start(Binary("prometheus"),
            $"--config.file={ConfigFile}",
            $"--storage.tsdb.path={Path.Combine(_folder, "data")}",
            $"--web.listen-address=127.0.0.1:{Port}",
            "--web.enable-lifecycle");
        await WaitUntilAsync(async () => await ReadyAsync(), "/-/ready");
        await WaitForQueryAsync("up{job=\"node\"} == 1", HasSeries, "node_exporter up");
    }

    /// <summary>Ends Prometheus at once, as a crash would, and returns when it has gone.</summary>
    public async Task KillAsync()
    {
        if (_prometheus is { } prometheus)
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
            prometheus.Dispose();
            _prometheus = null;
        }
    }

    /// <summary>Adds a scrape job for <paramref name="target"/>'s <c>/metrics</c>, reloads, and returns once it has been scraped up.</summary>
    public async Task ScrapeAsync(string job, Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _targets[job] = target;
        await WriteConfigAsync();
        using (var reload = await _http.PostAsync(new Uri(BaseAddress, "/-/reload"), content: null))
        {
            reload.EnsureSuccessStatusCode();
        }

        await WaitForQueryAsync($"up{{job=\"{job}\"}} == 1", HasSeries, $"{job} scraped");
    }

    /// <summary>The <c>data</c> of an instant query's answer, or the whole error answer.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        using var response = await _http.GetAsync(new Uri(BaseAddress, "/api/v1/query?query=" + Uri.EscapeDataString(promql)));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.TryGetProperty("data", out var data) ? data : body.RootElement).Clone();
    }

    public async Task<JsonElement> WaitForQueryAsync(string promql, Func<JsonElement, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var answer = default(JsonElement);
        await WaitUntilAsync(async () => condition(answer = await QueryAsync(promql)), what);
        return answer;
    }

    public static bool HasSeries(JsonElement data) =>
        data.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0;

    public async Task DisposeAsync()
    {
        await KillAsync();
        if (_nodeExporter is { } node)
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
            node.Dispose();
        }

        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<bool> ReadyAsync()
    {
        try
        {
            using var ready = await _http.GetAsync(new Uri(BaseAddress, "/-/ready"));
            return ready.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var timer = new PeriodicTimer(PollEvery);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_prometheus is { HasExited: true } || _nodeExporter is { HasExited: true }, $"Prometheus or node_exporter exited:\n{Output}");
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(deadline.Elapsed < Patience, $"{what}: not within {Patience}\n{Output}");
            await timer.WaitForNextTickAsync();
        }
    }

    private Task WriteConfigAsync()
    {
        var jobs = _targets.Select(t => $$"""
              - job_name: {{t.Key}}
                metrics_path: {{t.Value.AbsolutePath.TrimEnd('/')}}/metrics
                static_configs: [ { targets: ['{{t.Value.Authority}}'] } ]
            """);
        return File.WriteAllTextAsync(ConfigFile, $$"""
            global: { scrape_interval: {{ScrapeInterval.TotalSeconds}}s, evaluation_interval: {{ScrapeInterval.TotalSeconds}}s }
            scrape_configs:
              - job_name: node
                static_configs: [ { targets: ['{{NodeInstance}}'] } ]
            {{string.Join('\n', jobs)}}
            """);
    }

    private Process Start(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    private static string Binary(string name)
    {
        var path = Path.Combine("/usr/bin", name);
        return File.Exists(path) ? path : throw new InvalidOperationException(
            $"{name} is not installed: apt-get install -y --no-install-recommends prometheus prometheus-node-exporter (.ci/run does this).");
    }
}
