using System.Collections.Concurrent;
using System.Net;
using Feeds;
using Feeds.Hub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Shared;

/// <summary>
/// A real feeds server for tests: Kestrel on a 127.0.0.1 socket with <c>builder.AddFeeds()</c>
/// and <c>app.MapFeeds()</c>. The producers are off, so a test publishes exactly what it expects
/// through <see cref="Hub"/>. It can drop every open stream the way a network failure would,
/// and stop and start again on the same port.
/// </summary>
internal sealed class FeedsServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Feeds:Clock:Enabled"] = "false",
        ["Feeds:Ticker:Enabled"] = "false",
        ["Feeds:Metrics:Enabled"] = "false",
        ["Feeds:Alerts:Enabled"] = "false",
    };

    /// <summary>
    /// Topics declared in the catalog at start, as producers would declare theirs, so streams on
    /// them are not refused as unknown; the tests publish on them through <see cref="Hub"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> TestTopics =
        ["clock", "test/a", "test/b", "test/burst", "ticker/ACME", "ticker/GLOBX", "ticker/GLOBX/deep", "tickers/ACME", "metrics/web-1"];

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<WebApplicationBuilder>? _configureBuilder;
    private readonly Action<WebApplication>? _configureApp;
    private readonly ConcurrentDictionary<HttpContext, bool> _streams = new();
    private readonly ConcurrentQueue<string?> _lastEventIdHeaders = new();
    private TaskCompletionSource _streamsChanged = NewSignal();
    private WebApplication? _app;
    private int _port;

    private FeedsServer(IReadOnlyDictionary<string, string?>? settings, Action<WebApplicationBuilder>? configureBuilder, Action<WebApplication>? configureApp)
    {
        _settings = new Dictionary<string, string?>(Defaults);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _configureBuilder = configureBuilder;
        _configureApp = configureApp;
    }

    /// <summary>Starts a server on a free port.</summary>
    /// <param name="settings">Configuration over the defaults (producers off), e.g. <c>["Feeds:Sse:RetryMs"] = "100"</c>.</param>
    /// <param name="configureBuilder">Adds services before the app is built.</param>
    /// <param name="configureApp">Adds middleware or endpoints before the feeds are mapped.</param>
    public static async Task<FeedsServer> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? configureApp = null)
    {
        var server = new FeedsServer(settings, configureBuilder, configureApp);
        await server.StartAppAsync(0);
        return server;
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public IServiceProvider Services => App.Services;

    /// <summary>The running app's hub; a restart brings a new one, with new ids and empty history.</summary>
    public FeedHub Hub => Services.GetRequiredService<FeedHub>();

    /// <summary>SSE requests being served now.</summary>
    public int OpenStreams => _streams.Count;

    /// <summary>The <c>Last-Event-ID</c> header of every SSE request so far, in arrival order; null where absent.</summary>
    public IReadOnlyList<string?> LastEventIdHeaders => [.. _lastEventIdHeaders];

    private WebApplication App => _app ?? throw new InvalidOperationException("The server is stopped.");

    public Uri SseUri(params string[] topics) =>
        new(BaseAddress, "feeds/sse?" + string.Join('&', topics.Select(t => "topic=" + Uri.EscapeDataString(t))));

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<FeedEvent> PublishAsync<T>(string topic, T data, string type = "test") =>
        await Hub.PublishAsync(topic, type, data);

    public Task<FeedEvent> PublishAsync(string topic) => PublishAsync(topic, new { });

    /// <summary>Drops every open SSE connection at once, as a failing network or proxy would.</summary>
    public void AbortStreams()
    {
        foreach (var context in _streams.Keys)
        {
            context.Abort();
        }
    }

    /// <summary>Waits until exactly <paramref name="count"/> SSE requests are being served.</summary>
    public async Task WaitForOpenStreamsAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            // Take the signal before checking, so a change between the two is not missed.
            var changed = Volatile.Read(ref _streamsChanged).Task;
            if (_streams.Count == count)
            {
                return;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} open streams within {timeout}; there are {_streams.Count}.");
            }
        }
    }

    /// <summary>Stops the app; open streams end because the app is stopping.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Stops, then starts a fresh app on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAppAsync(_port);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartAppAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });

        // Only what the test says: no appsettings.json or environment variables from the machine.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        // Long enough that a stream holding shutdown open shows up as a test timing out.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddFeeds();
        _configureBuilder?.Invoke(builder);

        var app = builder.Build();
        var catalog = app.Services.GetRequiredService<TopicCatalog>();
        foreach (var topic in TestTopics)
        {
            catalog.Declare(new TopicInfo(topic, "test", "A topic the tests publish on.", [], 0));
        }

        app.Use(TrackStreamsAsync);
        _configureApp?.Invoke(app);
        app.UseFeeds();
        app.MapFeeds();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _port = new Uri(address).Port;
        _app = app;
    }

    private async Task TrackStreamsAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/feeds/sse", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var lastEventId = context.Request.Headers["Last-Event-ID"];
        _lastEventIdHeaders.Enqueue(lastEventId.Count == 0 ? null : lastEventId.ToString());
        _streams.TryAdd(context, true);
        SignalStreamsChanged();
        try
        {
            await next(context);
        }
        finally
        {
            _streams.TryRemove(context, out _);
            SignalStreamsChanged();
        }
    }

    private void SignalStreamsChanged() => Interlocked.Exchange(ref _streamsChanged, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
