using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Feeds.Hub;
using Microsoft.AspNetCore.Http;

namespace Feeds.Transports;

/// <summary>What a stream request asks for: the topics, the id to resume after, and when to stop.</summary>
/// <param name="Filter">From the <c>topic</c> query parameters; each a topic or a prefix ending in <c>/*</c>.</param>
/// <param name="AfterId">From the <c>Last-Event-ID</c> header, else the <c>lastEventId</c> or <c>after</c> query parameter.</param>
/// <param name="MaxEvents">From <c>maxEvents</c>: end the stream after this many events; null streams until the client leaves.</param>
internal sealed record StreamRequest(TopicFilter Filter, long? AfterId, int? MaxEvents)
{
    public static bool TryParse(HttpRequest request, int maxTopics, [NotNullWhen(true)] out StreamRequest? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        var topics = request.Query["topic"];
        if (topics.Count == 0)
        {
            error = "Name at least one topic, e.g. ?topic=clock&topic=ticker/*.";
            return false;
        }

        if (topics.Count > maxTopics)
        {
            error = $"At most {maxTopics} topics per connection (got {topics.Count}); see Feeds:Sse:MaxTopicsPerConnection.";
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

        if (!TryParseAfterId(request, out var afterId, out error) || !TryParseMaxEvents(request, out var maxEvents, out error))
        {
            return false;
        }

        parsed = new StreamRequest(new TopicFilter(patterns), afterId, maxEvents);
        return true;
    }

    private static bool TryParseAfterId(HttpRequest request, out long? afterId, [NotNullWhen(false)] out string? error)
    {
        // The header is what a reconnecting EventSource sends; the query parameters are for what
        // cannot set headers: a fresh EventSource or a WebSocket (lastEventId), a long poll (after).
        var header = request.Headers["Last-Event-ID"].ToString();
        var lastEventId = header.Length > 0 ? header
            : request.Query["lastEventId"].ToString() is { Length: > 0 } query ? query
            : request.Query["after"].ToString();
        afterId = null;
        error = null;
        if (lastEventId.Length == 0)
        {
            return true;
        }

        if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            error = $"Last-Event-ID '{Shorten(lastEventId)}' is not an event id of this server (a whole number, 0 or more).";
            return false;
        }

        afterId = id;
        return true;
    }

    private static bool TryParseMaxEvents(HttpRequest request, out int? maxEvents, [NotNullWhen(false)] out string? error)
    {
        var text = request.Query["maxEvents"].ToString();
        maxEvents = null;
        error = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1)
        {
            error = $"maxEvents '{Shorten(text)}' must be a whole number from 1 to {int.MaxValue}.";
            return false;
        }

        maxEvents = max;
        return true;
    }

    /// <summary>Echoes at most a little of what the client sent: the answer should not grow with the garbage.</summary>
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
