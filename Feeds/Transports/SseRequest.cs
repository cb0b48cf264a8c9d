using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Feeds.Hub;
using Microsoft.AspNetCore.Http;

namespace Feeds.Transports;

/// <summary>What a <c>GET /feeds/sse</c> asks for: the topics, and the id to resume after.</summary>
/// <param name="Filter">From the <c>topic</c> query parameters; each a topic or a prefix ending in <c>/*</c>.</param>
/// <param name="AfterId">From the <c>Last-Event-ID</c> header, else the <c>lastEventId</c> query parameter.</param>
internal sealed record SseRequest(TopicFilter Filter, long? AfterId)
{
    /// <summary>Enough for any page; a bound on what one query string may make the hub match against.</summary>
    public const int MaxTopics = 100;

    public static bool TryParse(HttpRequest request, [NotNullWhen(true)] out SseRequest? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        var topics = request.Query["topic"];
        if (topics.Count == 0)
        {
            error = "Name at least one topic, e.g. ?topic=clock&topic=ticker/*.";
            return false;
        }

        if (topics.Count > MaxTopics)
        {
            error = $"At most {MaxTopics} topics per stream (got {topics.Count}).";
            return false;
        }

        var patterns = new List<TopicPattern>(topics.Count);
        foreach (var topic in topics)
        {
            if (!TopicPattern.TryParse(topic, out var pattern))
            {
                error = $"'{topic}' is not a topic (segments of letters, digits, '-', '_', '.' separated by '/') or a prefix ending in '/*'.";
                return false;
            }

            patterns.Add(pattern);
        }

        // The header is what a reconnecting EventSource sends; the query parameter is for a page
        // that opens a fresh EventSource and still wants to resume, which cannot set headers.
        var header = request.Headers["Last-Event-ID"].ToString();
        var lastEventId = header.Length > 0 ? header : request.Query["lastEventId"].ToString();
        long? afterId = null;
        if (lastEventId.Length > 0)
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                error = $"Last-Event-ID '{lastEventId}' is not an event id (a whole number, 0 or more).";
                return false;
            }

            afterId = id;
        }

        parsed = new SseRequest(new TopicFilter(patterns), afterId);
        error = null;
        return true;
    }
}
