using System.Threading.RateLimiting;
using Feeds.Options;
using Feeds.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Transports;

/// <summary>
/// ASP.NET Core's rate limiter, set up for the feeds: concurrent streams per client address
/// (<c>Feeds:Sse:MaxStreamsPerClient</c>, then 429) and in all (<c>Feeds:Sse:MaxStreams</c>, then
/// 503), and a token bucket per client on publishing (<c>Feeds:Publish:PermitsPerSecond</c>).
/// A stream holds its permit until it ends, so the counts are of open streams. The hosting app's
/// own relay, recognised by its <see cref="RelayPass"/>, is outside both limits.
/// </summary>
internal static class FeedLimits
{
    public static IServiceCollection AddFeedLimits(this IServiceCollection services)
    {
        services.TryAddSingleton<RelayPass>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<FeedsOptions>, RelayPass>((limiter, feeds, relay) => Configure(limiter, feeds.Value, relay));
        return services;
    }

    private static void Configure(RateLimiterOptions limiter, FeedsOptions feeds, RelayPass relay)
    {
        bool IsLimitedStream(HttpContext context) => IsStream(context) && !relay.IsPresentedBy(context);
        var all = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimitedStream(context)
            ? RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions { PermitLimit = feeds.Sse.MaxStreams, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));
        var perClient = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimitedStream(context)
            ? RateLimitPartition.GetConcurrencyLimiter(Client(context), _ => new ConcurrencyLimiterOptions { PermitLimit = feeds.Sse.MaxStreamsPerClient, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));
        limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, all);

        var permits = feeds.Publish.PermitsPerSecond;
        limiter.AddPolicy(PublishEndpoint.RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(Client(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = permits,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

        // The server cannot know when a stream will free up; the client's own retry delay is a fair guess.
        var streamRetry = TimeSpan.FromMilliseconds(Math.Max(1000, feeds.Sse.RetryMs));
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            int status;
            string detail;
            TimeSpan retryAfter;
            if (!IsStream(context))
            {
                status = StatusCodes.Status429TooManyRequests;
                detail = $"More than {permits} posts per second from this client; see Feeds:Publish:PermitsPerSecond.";
                retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            }
            else if (all.GetStatistics(context)?.CurrentAvailablePermits == 0)
            {
                status = StatusCodes.Status503ServiceUnavailable;
                detail = $"The server has {feeds.Sse.MaxStreams} streams open, its limit (Feeds:Sse:MaxStreams).";
                retryAfter = streamRetry;
            }
            else
            {
                status = StatusCodes.Status429TooManyRequests;
                detail = $"This client has {feeds.Sse.MaxStreamsPerClient} streams open, the limit per client (Feeds:Sse:MaxStreamsPerClient).";
                retryAfter = streamRetry;
            }

            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FeedLimits).FullName!);
            TransportsLog.LimitReached(logger, context.Request.Path, Client(context), status);
            context.RequestServices.GetRequiredService<FeedsMetrics>().Refused(IsStream(context), status);
            await FeedProblems.Busy(context, status, retryAfter, detail).ExecuteAsync(context).ConfigureAwait(false);
        };
    }

    private static bool IsStream(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<StreamEndpointMetadata>() is not null;

    /// <summary>The client's address; behind a proxy, configure forwarded headers so this is the real one.</summary>
    private static string Client(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
