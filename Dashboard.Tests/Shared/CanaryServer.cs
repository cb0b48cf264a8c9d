using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Shared;

/// <summary>
/// An outside server for the inspector proxy to be pointed at, on a 127.0.0.1 socket: it records
/// every path asked of it, so a test can show that a refused URL never reached it, and answers
/// under <c>/events/</c> the ways an upstream can: a stream that stays open (<c>stream</c>), a page
/// (<c>page</c>), a 404 with a body (<c>missing</c>), and never (<c>silent</c>). <c>/secret</c> is
/// what an allow-list escape would reach.
/// </summary>
internal sealed class CanaryServer : IAsyncDisposable
{
    public const string PageBody = "<html><body><script>canary()</script></body></html>";
    public const string MissingBody = "canary-404-body";

    private readonly ConcurrentQueue<string> _paths = new();
    private readonly WebApplication _app;

    private CanaryServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The path and query of every request so far, as received.</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    public static async Task<CanaryServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var canary = new CanaryServer(app);
        app.Use((context, next) =>
        {
            canary._paths.Enqueue(context.Request.Path + context.Request.QueryString);
            return next(context);
        });
        app.MapGet("/events/stream", StreamAsync);
        app.MapGet("/events/page", () => Results.Content(PageBody, "text/html"));
        app.MapGet("/events/missing", () => Results.Text(MissingBody, statusCode: StatusCodes.Status404NotFound));
        app.MapGet("/events/silent", (HttpContext context) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        app.MapGet("/secret", () => "secret");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        canary.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return canary;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task StreamAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync("id: 1\ndata: canary\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The proxy went away.
        }
    }
}
