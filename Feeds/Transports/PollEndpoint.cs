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
/// <c>GET /feeds/poll?topic=A&amp;after=ID</c>, long polling: answers at once with the kept events
/// after <c>after</c>, or waits up to <c>Feeds:Poll:WaitSeconds</c> for the next one. The answer is
/// <c>{"events":[...],"next":ID}</c>; the client polls again with <c>after=next</c> and misses nothing
/// the history holds. Without <c>after</c> it waits for the next event from now. The same topics,
/// ids, checks and limits as SSE; a waiting poll counts as an open stream.
/// </summary>
internal static class PollEndpoint
{
    public static RouteGroupBuilder MapPollEndpoint(this RouteGroupBuilder group)
    {
        group.MapGet("/poll", PollAsync).WithMetadata(StreamEndpointMetadata.Instance);
        return group;
    }

    private static async Task<IResult> PollAsync(
        HttpContext context,
        StreamGate gate,
        FeedHub hub,
        StreamLog streamLog,
        IOptions<FeedsOptions> options,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<PollResponse> logger)
    {
        if (!gate.TryAdmit(context, out var request, out var problem))
        {
            return problem;
        }

        var poll = options.Value.Poll;
        var after = request.AfterId ?? hub.LastId;
        var max = Math.Min(poll.MaxEvents, request.MaxEvents ?? int.MaxValue);
        var topics = request.Filter.ToString();
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var number = streamLog.Opened("poll", topics, client, after);

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        wait.CancelAfter(TimeSpan.FromSeconds(poll.WaitSeconds));
        var events = new List<FeedEvent>();
        string? reset = null;
        string reason;
        try
        {
            using var subscription = await hub.SubscribeAsync(request.Filter, after, wait.Token).ConfigureAwait(false);
            if (subscription.Replay is { Complete: false } replay)
            {
                reset = ControlEvents.Reset(request with { AfterId = after }, replay, time);
            }

            var reader = subscription.Reader;
            while (events.Count < max && reader.TryRead(out var feedEvent))
            {
                events.Add(feedEvent);
            }

            if (events.Count == 0 && reset is null && await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
            {
                // What arrived together goes back together.
                while (events.Count < max && reader.TryRead(out var feedEvent))
                {
                    events.Add(feedEvent);
                }
            }

            reason = events.Count > 0 ? "answered" : "nothing new";
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            reason = context.RequestAborted.IsCancellationRequested ? "the client went away"
                : lifetime.ApplicationStopping.IsCancellationRequested ? "the app is stopping"
                : $"nothing within {poll.WaitSeconds} s";
        }

        streamLog.Ended(number, "poll", topics, client, events.Count, reason);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Empty;
        }

        // A poll answer must never be cached: the next one with the same query is different.
        context.Response.Headers.CacheControl = "no-store";
        return new PollResponse(events, events.Count > 0 ? events[^1].Id : after, reset, options.Value.Sse.WriteTimeoutSeconds, time, logger);
    }
}
