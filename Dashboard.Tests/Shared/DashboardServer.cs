using Dashboard;
using Microsoft.AspNetCore.Builder;

namespace Dashboard.Tests.Shared;

/// <summary>
/// The real dashboard executable's wiring (<see cref="DashboardApp"/>) on a real Kestrel socket,
/// 127.0.0.1 on a free port, with the feeds in-process and the default configuration.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime, IAsyncDisposable
{
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = default!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Command-line style overrides, e.g. <c>--Feeds:Ticker:IntervalMs=100</c>.</summary>
    public IList<string> Arguments { get; } = [];

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Build(["--urls=http://127.0.0.1:0", .. Arguments]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
