using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feeds.Transports;

/// <summary>
/// The feeds' refusals as RFC 7807 problem details (<c>application/problem+json</c>), so every
/// client, a script or a browser's network tab, reads the same kind of answer for every mistake.
/// </summary>
internal static class FeedProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    public static ProblemHttpResult UnknownTopic(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Unknown topic");

    /// <summary>401 with the <c>WWW-Authenticate</c> challenge RFC 6750 asks for.</summary>
    public static ProblemHttpResult Unauthorized(HttpContext context, string detail, bool keyWasSent)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = keyWasSent ? "Bearer realm=\"feeds\", error=\"invalid_token\"" : "Bearer realm=\"feeds\"";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Key required");
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

    public static ProblemHttpResult TooLarge(int maxBytes, string setting) =>
        TypedResults.Problem($"The body is larger than {maxBytes} bytes; see {setting}.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");

    /// <summary>408: Kestrel gave up on a body that arrived below its minimum data rate.</summary>
    public static ProblemHttpResult BodyTooSlow() =>
        TypedResults.Problem("The body arrived too slowly (below the server's minimum data rate); send it all at once.",
            statusCode: StatusCodes.Status408RequestTimeout, title: "Request timeout");

    /// <summary>A body Kestrel could not read off the wire, such as a malformed chunk, with the status it chose.</summary>
    public static ProblemHttpResult UnreadableBody(int statusCode, string reason) =>
        TypedResults.Problem($"The body could not be read: {reason}", statusCode: statusCode, title: "Invalid request");

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem($"Send the event as application/json (got {contentType ?? "no content type"}).",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    /// <summary>429 (this client has too many) or 503 (the server is full), with when to try again.</summary>
    public static ProblemHttpResult Busy(HttpContext context, int statusCode, TimeSpan retryAfter, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: statusCode,
            title: statusCode == StatusCodes.Status429TooManyRequests ? "Too many requests" : "Server busy");
    }
}
