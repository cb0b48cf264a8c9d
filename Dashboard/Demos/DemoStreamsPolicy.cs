using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Dashboard.Demos;

/// <summary>
/// Open demo connections (chat WebSockets, text streams) per client address: each holds a
/// permit until it ends, so one client cannot hold the server's sockets.
/// </summary>
internal sealed class DemoStreamsPolicy : IRateLimiterPolicy<string>
{
    public const string Name = "demos-streams";

    /// <summary>Enough for a learner with a few tabs open; not worth a setting.</summary>
    public const int PerClient = 20;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = static async (rejected, _) =>
    {
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = "5";
        await TypedResults.Problem($"This client has {PerClient} demo connections open; close some first.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context).ConfigureAwait(false);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(DemoClient.Address(httpContext),
            _ => new ConcurrencyLimiterOptions { PermitLimit = PerClient, QueueLimit = 0 });
}
