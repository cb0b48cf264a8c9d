using Feeds.Hub;
using Feeds.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Transports;

/// <summary>
/// <c>GET /feeds/sse?topic=A&amp;topic=B/*</c>: checks the request, then hands it to
/// <see cref="SseStreamResult"/>, which pumps one hub subscription to the response.
/// </summary>
internal static class SseEndpoint
{
    public static RouteGroupBuilder MapSseEndpoint(this RouteGroupBuilder group)
    {
        group.MapGet("/sse", Subscribe).WithMetadata(StreamEndpointMetadata.Instance);
        return group;
    }

    private static IResult Subscribe(
        HttpContext context,
        StreamGate gate,
        FeedHub hub,
        StreamLog streamLog,
        IOptions<FeedsOptions> options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<SseStreamResult> logger)
    {
        if (!gate.TryAdmit(context, out var request, out var problem))
        {
            return problem;
        }

        return new SseStreamResult(request, hub, options.Value.Sse, streamLog, time, lifetime, logger);
    }
}
