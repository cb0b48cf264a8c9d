using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using Dashboard.Circuits;
using Dashboard.Components.Controls;
using Dashboard.Options;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Hub;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace Dashboard.Tests.Shared;

/// <summary>
/// A bunit context for live components: a real <see cref="FeedRelay"/> whose feeds the test fills
/// by hand, renders every 50 ms, interactive rendering, and loose JS interop for the component libraries.
/// </summary>
public abstract class LiveComponentContext : BunitContext
{
    private long _nextId;

    /// <param name="time">The clock of the render ticks; the system's unless a test moves its own.</param>
    protected LiveComponentContext(TimeProvider? time = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Options = new DashboardOptions { RenderIntervalMs = 50 };
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        Services.AddSingleton(time ?? TimeProvider.System);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<IRelayUpstream, IdleUpstream>();
        Services.AddSingleton<FeedRelay>();
        Services.AddScoped<PageControls>();
        Services.AddOptions();
        Services.AddScoped<CircuitConnection>();
        Services.AddScoped<UrlState>();
        Services.AddSingleton<Dashboard.Alerts.AlertAcknowledgements>();
        Services.AddMudServices();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected DashboardOptions Options { get; }

    protected FeedRelay Relay => Services.GetRequiredService<FeedRelay>();

    /// <summary>Puts an event on a relay feed as if it came from upstream; returns it.</summary>
    protected FeedMessage Publish(string feed, string topic, string type, object data, DateTimeOffset? at = null)
    {
        var ts = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds();
        var json = JsonSerializer.SerializeToNode(data, FeedJson.Options)!.AsObject();
        json["topic"] = topic;
        json["ts"] = ts;
        var message = new FeedMessage(Interlocked.Increment(ref _nextId), topic, type, JsonSerializer.SerializeToElement(json), ts);
        Relay.Feed(feed).Publish(message);
        return message;
    }
}
