using System.Diagnostics.CodeAnalysis;
using Feeds.Hub;
using Feeds.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Feeds.Transports;

/// <summary>
/// The checks every streaming transport makes before it subscribes, so SSE and any other
/// transport give the same answers: a well-formed request (400), topics that exist (404), and
/// the key the <c>Feeds:Access</c> rules ask for (401 without one, 403 with the wrong one).
/// </summary>
internal sealed class StreamGate(TopicCatalog catalog, IOptions<FeedsOptions> options, ILogger<StreamGate> logger)
{
    private readonly Lazy<(TopicPattern[] Patterns, List<string> Keys)[]> _rules = new(() =>
        options.Value.Access.Select(rule => (rule.Topics.Select(TopicPattern.Parse).ToArray(), rule.Keys)).ToArray());

    /// <summary>The request to stream, or the problem to answer with instead (logged here, once for every transport).</summary>
    public bool TryAdmit(HttpContext context, [NotNullWhen(true)] out StreamRequest? request, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(context, out request, out problem))
        {
            return true;
        }

        TransportsLog.Refused(logger, problem.StatusCode, problem.ProblemDetails.Detail ?? "");
        return false;
    }

    private bool Check(HttpContext context, [NotNullWhen(true)] out StreamRequest? request, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        if (!StreamRequest.TryParse(context.Request, options.Value.Sse.MaxTopicsPerConnection, out request, out var error))
        {
            problem = FeedProblems.BadRequest(error);
            return false;
        }

        // The LINQ only runs for a refusal: every stream that opens comes through here.
        if (!AllCovered(request.Filter))
        {
            var unknown = request.Filter.Patterns.Where(p => !catalog.Covers(p)).Select(p => $"'{p.Text}'").ToArray();
            problem = FeedProblems.UnknownTopic($"No topic matches {string.Join(", ", unknown)}; GET /feeds/topics lists them.");
            return false;
        }

        problem = CheckAccess(context, request.Filter);
        return problem is null;
    }

    private bool AllCovered(TopicFilter filter)
    {
        foreach (var pattern in filter.Patterns)
        {
            if (!catalog.Covers(pattern))
            {
                return false;
            }
        }

        return true;
    }

    private ProblemHttpResult? CheckAccess(HttpContext context, TopicFilter filter)
    {
        var key = default(string);
        var keyRead = false;
        foreach (var (patterns, keys) in _rules.Value)
        {
            var protectedTopics = filter.Patterns.Where(p => patterns.Any(p.Overlaps)).ToArray();
            if (protectedTopics.Length == 0)
            {
                continue;
            }

            if (!keyRead)
            {
                key = BearerKey.Read(context.Request, allowQuery: true);
                keyRead = true;
            }

            var names = string.Join(", ", protectedTopics.Select(p => $"'{p.Text}'"));
            if (key is null)
            {
                return FeedProblems.Unauthorized(context,
                    $"Reading {names} needs a key: send Authorization: Bearer <key>, or access_token=<key> from a browser.", keyWasSent: false);
            }

            if (!BearerKey.Matches(key, keys))
            {
                return FeedProblems.Forbidden($"This key may not read {names}.");
            }
        }

        return null;
    }
}
