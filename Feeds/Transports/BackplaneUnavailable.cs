using Feeds.Backplane;
using Microsoft.AspNetCore.Http;

namespace Feeds.Transports;

/// <summary>
/// Turns a backplane that cannot serve (its database is away) into 503 with <c>Retry-After</c>
/// for any feeds request that has not started its response, instead of a 500.
/// </summary>
internal sealed class BackplaneUnavailable(RequestDelegate next)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (FeedBackplaneUnavailableException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await FeedProblems.Busy(context, StatusCodes.Status503ServiceUnavailable, RetryAfter,
                    $"The feeds' database cannot be reached; try again shortly. ({ex.Message})")
                .ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
