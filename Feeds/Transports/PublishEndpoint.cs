using System.Text.Json;
using Feeds.Hub;
using Feeds.Options;
using Feeds.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Transports;

/// <summary>
/// <c>POST /feeds/publish/{topic}?type=...</c> with a JSON object as the body: puts one event on a
/// topic that <c>Feeds:Publish:Topics</c> opens (and <c>alerts</c>), for a caller holding a key from
/// <c>Feeds:Publish:ApiKeys</c>. The answer carries the event's id.
/// </summary>
internal static class PublishEndpoint
{
    public const string RateLimitPolicy = "feeds-publish";

    /// <summary>The event type when the caller names none: what EventSource's <c>onmessage</c> receives.</summary>
    public const string DefaultType = "message";

    private const string MaxBodySetting = "Feeds:Publish:MaxBodyBytes";

    public static RouteGroupBuilder MapPublishEndpoint(this RouteGroupBuilder group)
    {
        group.MapPost("/publish/{**topic}", PublishAsync).RequireRateLimiting(RateLimitPolicy);
        return group;
    }

    private static async Task<IResult> PublishAsync(
        HttpContext context,
        string topic,
        FeedHub hub,
        TopicCatalog catalog,
        IOptions<FeedsOptions> options,
        ILoggerFactory loggers,
        FeedsMetrics metrics)
    {
        var logger = loggers.CreateLogger(typeof(PublishEndpoint).FullName!);
        var publish = options.Value.Publish;
        var result = Check(context, topic, publish, catalog, out var type);
        if (result is null)
        {
            result = await ReadAndPublishAsync(context, topic, type!, publish.MaxBodyBytes, hub, logger).ConfigureAwait(false);
        }

        if (result is ProblemHttpResult problem)
        {
            TransportsLog.PublishRefused(logger, topic, problem.StatusCode, problem.ProblemDetails.Detail ?? "");
        }

        metrics.PublishAnswered(result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK);
        return result;
    }

    /// <summary>Everything that can be refused before the body is read. The key comes first, so a caller without one learns nothing of the topics.</summary>
    private static IResult? Check(HttpContext context, string topic, PublishOptions publish, TopicCatalog catalog, out string? type)
    {
        type = null;
        var key = BearerKey.Read(context.Request, allowQuery: false);
        if (key is null)
        {
            var detail = publish.ApiKeys.Count == 0
                ? "Publishing is off: no keys are set in Feeds:Publish:ApiKeys."
                : "Publishing needs a key: send Authorization: Bearer <key>.";
            return FeedProblems.Unauthorized(context, detail, keyWasSent: false);
        }

        if (!BearerKey.Matches(key, publish.ApiKeys))
        {
            return FeedProblems.Unauthorized(context, "The key is not one of Feeds:Publish:ApiKeys.", keyWasSent: true);
        }

        if (!publish.EffectiveTopics.Contains(topic, StringComparer.Ordinal))
        {
            return TopicName.IsValid(topic) && catalog.Covers(TopicPattern.Parse(topic))
                ? FeedProblems.Forbidden($"'{topic}' is written by the server; only {string.Join(", ", publish.EffectiveTopics)} take posts (Feeds:Publish:Topics).")
                : FeedProblems.UnknownTopic($"'{topic}' is not open for publishing; Feeds:Publish:Topics lists the topics that are.");
        }

        type = context.Request.Query["type"].ToString();
        if (type.Length == 0)
        {
            type = DefaultType;
        }
        else if (!TopicName.IsValid(type) || type.Contains('/', StringComparison.Ordinal))
        {
            return FeedProblems.BadRequest("type must be letters, digits, '-', '_' or '.'.");
        }

        return null;
    }

    private static async Task<IResult> ReadAndPublishAsync(HttpContext context, string topic, string type, int maxBytes, FeedHub hub, ILogger logger)
    {
        var body = await JsonBody.ReadObjectAsync(context, maxBytes, MaxBodySetting).ConfigureAwait(false);
        if (!body.IsObject)
        {
            return body.Problem;
        }

        var published = await hub.PublishAsync(topic, type, body.Value, context.RequestAborted).ConfigureAwait(false);
        TransportsLog.Published(logger, published.Id, topic, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return TypedResults.Json(new PublishedEvent(published.Id, topic, type, published.Timestamp.ToUnixTimeMilliseconds()), FeedJson.Options);
    }
}
