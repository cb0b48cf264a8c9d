using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Feeds.Transports;

/// <summary>
/// Reads a POSTed JSON object for every endpoint that takes one (the publish API, the demos' chat),
/// so each refuses a bad body the same way: problem details with the status Kestrel chose for a
/// body that stalled (408) or was malformed on the wire (400), 413 past the cap, 415 for another
/// media type, 400 for text that is not UTF-8 or not a JSON object. Nothing here throws for bad input,
/// so no bad request reaches the error page as a 500.
/// </summary>
public static class JsonBody
{
    /// <param name="maxBytes">The largest body accepted.</param>
    /// <param name="limitSetting">The setting a caller who hits <paramref name="maxBytes"/> should read about, named in the 413.</param>
    public static async Task<JsonBodyRead> ReadObjectAsync(HttpContext context, int maxBytes, string limitSetting)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return new(default, FeedProblems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > maxBytes)
        {
            return new(default, FeedProblems.TooLarge(maxBytes, limitSetting));
        }

        // A chunked body has no length to check up front; Kestrel stops reading past this size.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            do
            {
                read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), context.RequestAborted).ConfigureAwait(false);
                length += read;
                if (length > maxBytes)
                {
                    return new(default, FeedProblems.TooLarge(maxBytes, limitSetting));
                }
            }
            while (read > 0);

            return Parse(buffer.AsMemory(0, length));
        }
        catch (BadHttpRequestException ex)
        {
            return new(default, ex.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => FeedProblems.TooLarge(maxBytes, limitSetting),
                StatusCodes.Status408RequestTimeout => FeedProblems.BodyTooSlow(),
                _ => FeedProblems.UnreadableBody(ex.StatusCode, ex.Message),
            });
        }
        catch (IOException ex)
        {
            // Kestrel reports some framing errors, a chunk size that overflows among them, as a plain IOException.
            return new(default, FeedProblems.UnreadableBody(StatusCodes.Status400BadRequest, ex.Message));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static JsonBodyRead Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        // Utf8JsonReader checks the JSON's structure, not the bytes inside its strings; the hub's
        // writer would later turn a bad sequence into U+FFFD, publishing text nobody sent.
        if (!Utf8.IsValid(body.Span))
        {
            return new(default, FeedProblems.BadRequest(
                $"The body is not valid UTF-8 (the bytes at offset {FirstInvalidUtf8(body.Span)} are not a UTF-8 sequence); JSON text must be UTF-8."));
        }

        JsonElement value;
        try
        {
            using var document = JsonDocument.Parse(body);
            value = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return new(default, FeedProblems.BadRequest($"The body is not valid JSON: {ex.Message}"));
        }

        return value.ValueKind == JsonValueKind.Object
            ? new(value, null)
            : new(default, FeedProblems.BadRequest($"The body must be a JSON object (got {value.ValueKind})."));
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (System.Text.Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
