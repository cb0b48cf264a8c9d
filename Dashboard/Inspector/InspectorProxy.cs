using Dashboard.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Inspector;

/// <summary>
/// <c>GET /inspector/proxy?url=...</c>: relays an outside event stream byte for byte to /inspector,
/// which cannot read other origins itself. Only URLs under <c>Dashboard:Inspector:AllowedUrls</c>;
/// no redirects followed, so an allowed URL cannot bounce the server somewhere else.
/// </summary>
internal static class InspectorProxy
{
    public const string HttpClientName = "inspector";

    public static IEndpointRouteBuilder MapInspectorProxy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/inspector/proxy", RelayAsync);
        return endpoints;
    }

    public static bool IsAllowed(string url, IEnumerable<string> allowedPrefixes) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && allowedPrefixes.Any(prefix => url.StartsWith(prefix, StringComparison.Ordinal));

    private static async Task RelayAsync(HttpContext context, IHttpClientFactory clients, IOptions<DashboardOptions> options)
    {
        var url = context.Request.Query["url"].ToString();
        if (!IsAllowed(url, options.Value.Inspector.AllowedUrls))
        {
            await TypedResults.Problem("Only this server's feeds and the URLs under Dashboard:Inspector:AllowedUrls can be inspected.",
                statusCode: StatusCodes.Status403Forbidden, title: "Not an allowed stream").ExecuteAsync(context);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastEventId)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        HttpResponseMessage upstream;
        try
        {
            upstream = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException ex)
        {
            await TypedResults.Problem($"{url} could not be reached: {ex.Message}", statusCode: StatusCodes.Status502BadGateway, title: "Upstream unreachable").ExecuteAsync(context);
            return;
        }

        using (upstream)
        {
            context.Response.StatusCode = (int)upstream.StatusCode;
            context.Response.ContentType = upstream.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
            var body = await upstream.Content.ReadAsStreamAsync(context.RequestAborted);
            var buffer = new byte[8192];
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The inspector left, or the upstream dropped; either way the relay is over.
            }
        }
    }
}
