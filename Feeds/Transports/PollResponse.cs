using System.Buffers;
using System.Text.Json;
using Feeds.Hub;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Feeds.Transports;

/// <summary>
/// The body of a long poll: <c>{"events":[{"id","topic","type","data"}...],"next":ID}</c>, and a
/// <c>"reset"</c> object when the history no longer reached back to <c>after</c>. Written by hand
/// so each event's data, already JSON, goes out as it is. A client that does not take the answer
/// within <c>Feeds:Sse:WriteTimeoutSeconds</c> has its connection reset, as a stream's would be.
/// </summary>
internal sealed class PollResponse(IReadOnlyList<FeedEvent> events, long next, string? reset, int writeTimeoutSeconds, TimeProvider time, ILogger logger) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var buffer = new ArrayBufferWriter<byte>(256 + events.Sum(e => e.Data.Length + 64));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            foreach (var feedEvent in events)
            {
                FeedEventJson.Write(writer, feedEvent);
            }

            writer.WriteEndArray();
            writer.WriteNumber("next", next);
            if (reset is not null)
            {
                writer.WritePropertyName("reset");
                writer.WriteRawValue(reset, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = buffer.WrittenCount;
        using var watchdog = new WriteWatchdog(httpContext, subscription: null, writeTimeoutSeconds, time, logger);
        try
        {
            await watchdog.Watch(httpContext.Response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException && (httpContext.RequestAborted.IsCancellationRequested || watchdog.Reason is not null))
        {
            // The client is gone, or was cut off: there is no one left to answer.
        }
    }
}
