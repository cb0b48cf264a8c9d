using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dashboard.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Inspector;

/// <summary>
/// <c>GET /inspector/proxy?url=...</c>: relays an outside event stream byte for byte to /inspector,
/// which cannot read other origins itself. Only URLs under <c>Dashboard:Inspector:AllowedUrls</c>,
/// compared and sent in one normal form (<see cref="StreamUrl"/>); no redirects followed, so an
/// allowed URL cannot bounce the server somewhere else; only <c>text/event-stream</c> answers
/// relayed, so nothing the upstream sends is served as a page or a script of this origin.
/// Bounded by <see cref="InspectorPermits"/> and by the connect, first-byte and idle timeouts.
/// </summary>
internal static class InspectorProxy
{
    public const string HttpClientName = "inspector";

    // When a proxied stream frees up is unknown; the inspector's own reconnect delay is a fair guess.
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapInspectorProxy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/inspector/proxy", RelayAsync);
        return endpoints;
    }

    /// <summary>The inspector's HTTP client: no redirects, no cookies, and the connect timeout.</summary>
    public static IServiceCollection AddInspectorProxy(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectTimeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.Inspector.ConnectTimeoutSeconds),
                ConnectCallback = ConnectAsync,
            });
        services.TryAddSingleton<InspectorAllowList>();
        services.TryAddSingleton<InspectorPermits>();
        return services;
    }

    private static async Task RelayAsync(
        HttpContext context,
        IHttpClientFactory clients,
        InspectorAllowList allowList,
        InspectorPermits permits,
        IOptions<DashboardOptions> options,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(InspectorProxy).FullName!);
        var inspector = options.Value.Inspector;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        // Whatever is answered, from here or from upstream, is never to be read as anything but its stated type.
        context.Response.Headers.XContentTypeOptions = "nosniff";

        var requested = context.Request.Query["url"].ToString();
        if (allowList.Check(requested, out var problem) is not { } url)
        {
            InspectorLog.Refused(logger, requested, client, problem);
            await Problem(context, StatusCodes.Status403Forbidden, "Not an allowed stream",
                $"Only this server's feeds and the URLs under Dashboard:Inspector:AllowedUrls can be inspected: {problem}.");
            return;
        }

        using var permit = permits.TryAcquire(client);
        if (!permit.IsAcquired)
        {
            InspectorLog.Busy(logger, client, permit.Status, permits.Open, permits.MaxStreams, permits.MaxStreamsPerClient);
            context.Response.Headers.RetryAfter = ((int)BusyRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await (permit.Status == StatusCodes.Status429TooManyRequests
                ? Problem(context, permit.Status, "Too many requests",
                    $"This client has {permits.MaxStreamsPerClient} proxied streams open, the limit per client (Dashboard:Inspector:MaxStreamsPerClient).")
                : Problem(context, permit.Status, "Server busy",
                    $"The server has {permits.MaxStreams} proxied streams open, its limit (Dashboard:Inspector:MaxStreams)."));
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url.Uri);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastEventId)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        // The first-byte clock runs from sending on a pooled connection; a new one first gets the
        // connect timeout (the handler's), then the clock starts again once connected.
        var connectWithin = TimeSpan.FromSeconds(inspector.ConnectTimeoutSeconds);
        var headersWithin = TimeSpan.FromSeconds(inspector.FirstByteTimeoutSeconds);
        using var headersDeadline = new CancellationTokenSource(headersWithin, time);
        request.Options.Set(ConnectPhase, connected =>
        {
            try
            {
                headersDeadline.CancelAfter(connected ? headersWithin : connectWithin + headersWithin);
            }
            catch (ObjectDisposedException)
            {
                // This request is over; the connection it started goes to another one.
            }
        });
        using var waitingForHeaders = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, headersDeadline.Token);
        HttpResponseMessage upstream;
        try
        {
            upstream = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, waitingForHeaders.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException)
        {
            var detail = headersDeadline.IsCancellationRequested
                ? $"{url} sent no status line and headers within {inspector.FirstByteTimeoutSeconds} s of being connected to (Dashboard:Inspector:FirstByteTimeoutSeconds)."
                : $"{url} could not be connected to within {inspector.ConnectTimeoutSeconds} s (Dashboard:Inspector:ConnectTimeoutSeconds).";
            InspectorLog.Unanswered(logger, url.Uri, detail);
            await Problem(context, StatusCodes.Status504GatewayTimeout, "Upstream timed out", detail);
            return;
        }
        catch (HttpRequestException ex)
        {
            InspectorLog.Unanswered(logger, url.Uri, ex.Message);
            await Problem(context, StatusCodes.Status502BadGateway, "Upstream unreachable", $"{url} could not be reached: {ex.Message}");
            return;
        }

        using (upstream)
        {
            if (!await IsStreamAsync(context, url, upstream, logger))
            {
                return;
            }

            InspectorLog.Opened(logger, url.Uri, client, permits.Open);
            var (bytes, reason) = await PumpAsync(context, upstream, TimeSpan.FromSeconds(inspector.IdleTimeoutSeconds), time);
            InspectorLog.Closed(logger, url.Uri, client, bytes, reason);
        }
    }

    /// <summary>
    /// Answers for an upstream that did not send a stream, and says so: its body is never relayed,
    /// for a page or a script in it would run as this origin's.
    /// </summary>
    private static async Task<bool> IsStreamAsync(HttpContext context, StreamUrl url, HttpResponseMessage upstream, ILogger logger)
    {
        var status = (int)upstream.StatusCode;
        var type = upstream.Content.Headers.ContentType?.MediaType;

        // 204 is how a feed server tells an EventSource to stop reconnecting; the inspector should see it.
        if (upstream.StatusCode == HttpStatusCode.NoContent)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return false;
        }

        if (upstream.IsSuccessStatusCode && string.Equals(type, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var sent = type ?? "no content type";
        InspectorLog.NotAStream(logger, url.Uri, status, sent);
        var detail = upstream.IsSuccessStatusCode
            ? $"{url} answered {status} with {sent}, not text/event-stream; only event streams are relayed."
            : $"{url} answered {status} {upstream.ReasonPhrase} ({sent}); its body is not relayed.";
        await Problem(context, StatusCodes.Status502BadGateway, "Upstream did not send an event stream", detail);
        return false;
    }

    /// <summary>Copies the stream as it comes until either side ends it or the upstream falls silent.</summary>
    private static async Task<(long Bytes, string Reason)> PumpAsync(HttpContext context, HttpResponseMessage upstream, TimeSpan idleTimeout, TimeProvider time)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();

        using var idle = new CancellationTokenSource(idleTimeout, time);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, idle.Token);
        long bytes = 0;
        try
        {
            await context.Response.StartAsync(context.RequestAborted);
            var body = await upstream.Content.ReadAsStreamAsync(reading.Token);
            var buffer = new byte[8192];
            int read;
            while ((read = await body.ReadAsync(buffer, reading.Token)) > 0)
            {
                idle.CancelAfter(idleTimeout);
                bytes += read;
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            return (bytes, "the upstream ended the stream");
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return (bytes, $"the upstream sent nothing for {idleTimeout.TotalSeconds} s (Dashboard:Inspector:IdleTimeoutSeconds)");
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            return (bytes, context.RequestAborted.IsCancellationRequested ? "the inspector left" : $"the upstream dropped: {ex.Message}");
        }
    }

    /// <summary>Told when the request opens a new connection (false) and once it is connected (true).</summary>
    private static readonly HttpRequestOptionsKey<Action<bool>> ConnectPhase = new("Dashboard.Inspector.ConnectPhase");

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        context.InitialRequestMessage.Options.TryGetValue(ConnectPhase, out var phase);
        phase?.Invoke(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        phase?.Invoke(true);
        return new NetworkStream(socket, ownsSocket: true);
    }

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(context);
}
