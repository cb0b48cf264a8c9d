using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Demos;

/// <summary>
/// Chat posts and test alerts: <c>Dashboard:Demos:PostsPerMinute</c> per client address, refused
/// with a problem details 429 that names the setting. A policy of its own rather than the feeds'
/// publish limit, whose refusal speaks of API keys the demo pages never use.
/// </summary>
internal sealed class DemoPostsPolicy(IOptions<DemosOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "demos-posts";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = static async (rejected, _) =>
    {
        var context = rejected.HttpContext;
        var perMinute = context.RequestServices.GetRequiredService<IOptions<DemosOptions>>().Value.PostsPerMinute;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60.0 / perMinute);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoPostsPolicy).FullName!);
        DemosLog.RateLimited(logger, DemoClient.Address(context), context.Request.Path);
        await TypedResults.Problem($"More than {perMinute} posts a minute from this client; see Dashboard:Demos:PostsPerMinute.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context).ConfigureAwait(false);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var perMinute = options.Value.PostsPerMinute;
        return RateLimitPartition.GetTokenBucketLimiter(DemoClient.Address(httpContext), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
