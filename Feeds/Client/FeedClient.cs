using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Feeds.Hub;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Feeds.Client;

/// <summary>
/// Reads a feed over SSE for .NET code, the way a browser's EventSource does: it reconnects when
/// the stream drops, waits the server's <c>retry:</c> (growing with jitter while attempts fail),
/// and resumes with <c>Last-Event-ID</c> so nothing the server still holds is lost.
/// </summary>
/// <param name="http">Sends the requests. Its <see cref="HttpClient.Timeout"/> bounds each connection attempt up to the response headers, not the stream.</param>
/// <param name="options">Retry delays; the defaults when null.</param>
/// <param name="time">Times the waits between attempts; <see cref="TimeProvider.System"/> when null.</param>
/// <param name="logger">Logs connections, drops and skipped events.</param>
public sealed class FeedClient(HttpClient http, FeedClientOptions? options = null, TimeProvider? time = null, ILogger<FeedClient>? logger = null)
{
    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));
    private readonly FeedClientOptions _options = Snapshot(options ?? new FeedClientOptions());
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>
    /// Streams the events of an SSE URL (e.g. <c>/feeds/sse?topic=ticker/*</c>) until cancelled,
    /// reconnecting whenever the stream drops.
    /// </summary>
    /// <remarks>
    /// <para>A <c>reset</c> event (the server no longer holds every event after the id resumed from)
    /// is yielded with Type <c>reset</c>, Id 0 and Topic <c>""</c>; its data reads as
    /// <see cref="FeedReset"/>. An <c>end</c> event (the server ended the stream on purpose, e.g. at
    /// the request's <c>maxEvents</c>) is yielded the same way and ends the enumeration: no reconnect. Events without a numeric id, or whose data is not a JSON object,
    /// are logged and skipped.</para>
    /// <para>A 4xx answer other than 408 and 429, or a 2xx that is not <c>text/event-stream</c>,
    /// throws <see cref="HttpRequestException"/> with the status: retrying would not help. 5xx,
    /// 408, 429 and network errors are retried. A 204 ends the enumeration: the server asks the
    /// client to stop. Cancelling throws <see cref="OperationCanceledException"/> and nothing else.</para>
    /// </remarks>
    /// <param name="url">The stream's absolute URL, or one relative to the HttpClient's base address.</param>
    /// <param name="lastEventId">Resume after this id, as a reconnecting EventSource would.</param>
    /// <param name="onStateChanged">Told of every state change, on the enumerating flow; keep it quick.</param>
    /// <param name="cancellationToken">Stops the stream and closes the connection.</param>
    public IAsyncEnumerable<FeedMessage> StreamAsync(Uri url, long? lastEventId = null,
        Action<FeedConnectionState>? onStateChanged = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfNegative(lastEventId ?? 0, nameof(lastEventId));
        return StreamCoreAsync(url, lastEventId, onStateChanged, cancellationToken);
    }

    /// <summary>
    /// Streams like <see cref="StreamAsync(Uri, long?, Action{FeedConnectionState}?, CancellationToken)"/>
    /// with each event's data deserialised to <typeparamref name="T"/>. <c>reset</c> events are
    /// skipped here (they carry no <typeparamref name="T"/>), as are events whose data does not deserialise.
    /// </summary>
    public IAsyncEnumerable<FeedMessage<T>> StreamAsync<T>(Uri url, long? lastEventId = null,
        Action<FeedConnectionState>? onStateChanged = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfNegative(lastEventId ?? 0, nameof(lastEventId));
        return StreamTypedAsync<T>(url, lastEventId, onStateChanged, cancellationToken);
    }

    private async IAsyncEnumerable<FeedMessage<T>> StreamTypedAsync<T>(Uri url, long? lastEventId,
        Action<FeedConnectionState>? onStateChanged, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in StreamCoreAsync(url, lastEventId, onStateChanged, cancellationToken).ConfigureAwait(false))
        {
            // The untyped stream has logged the reset already, and ends itself after an end.
            if (message.Id == 0 && message.Type is FeedReset.EventType or FeedEnd.EventType)
            {
                continue;
            }

            if (TryDeserialize<T>(message, out var data))
            {
                yield return new FeedMessage<T>(message.Id, message.Topic, message.Type, data, message.Ts);
            }
        }
    }

    private async IAsyncEnumerable<FeedMessage> StreamCoreAsync(Uri url, long? lastEventId,
        Action<FeedConnectionState>? onStateChanged, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = new FeedStreamSession(lastEventId, _options.InitialRetry, onStateChanged);
        session.Report(FeedConnectionState.Connecting);
        while (true)
        {
            var response = await ConnectAsync(url, session, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                session.Failed();
            }
            else
            {
                using (response)
                {
                    if (response.StatusCode == HttpStatusCode.NoContent)
                    {
                        ClientLog.NoContent(_logger, url);
                        yield break;
                    }

                    session.Connected();
                    ClientLog.Connected(_logger, url);
                    var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    if (_options.IdleTimeout is { } idle)
                    {
                        body = new IdleTimeoutStream(body, idle, _time);
                    }

                    var ids = new LastEventIdStream(body);
                    var parser = SseParser.Create(ids);
                    var items = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                    try
                    {
                        while (await MoveNextAsync(items, url, session, cancellationToken).ConfigureAwait(false))
                        {
                            if (SseMessageReader.TryRead(items.Current, url, _logger, out var message))
                            {
                                if (message.Id > 0)
                                {
                                    session.LastEventId = message.Id;
                                }

                                yield return message;
                                if (message.Id == 0 && string.Equals(message.Type, FeedEnd.EventType, StringComparison.Ordinal))
                                {
                                    ClientLog.EndReceived(_logger, url, session.LastEventId);
                                    yield break;
                                }
                            }
                        }
                    }
                    finally
                    {
                        await items.DisposeAsync().ConfigureAwait(false);
                    }

                    // The parser keeps the last retry: it read, even one sent before any event.
                    session.ServerRetry(parser.ReconnectionInterval);

                    // The last complete id: too, which may be later than the last event yielded: the
                    // feeds' preamble names where a stream starts, so one that drops before its first
                    // event resumes from there and misses nothing published while it reconnects.
                    if (long.TryParse(ids.LastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var resumeAfter))
                    {
                        session.LastEventId = resumeAfter;
                    }
                }
            }

            await WaitToRetryAsync(url, session, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The response when it is an event stream (or a 204); null when the attempt failed in a way worth retrying.</summary>
    private async Task<HttpResponseMessage?> ConnectAsync(Uri url, FeedStreamSession session, CancellationToken cancellationToken)
    {
        ClientLog.Connecting(_logger, url, session.LastEventId);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        if (session.LastEventId is { } id)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException)
        {
            // A refused or broken connection, or HttpClient's own timeout: the server may come back.
            ClientLog.AttemptFailed(_logger, url, session.Failures + 1, ex.Message);
            return null;
        }

        var status = response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            if (status == HttpStatusCode.NoContent || IsEventStream(response))
            {
                return response;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
            response.Dispose();
            ClientLog.FatalResponse(_logger, url, (int)status);
            throw new HttpRequestException($"{url} answered {(int)status} with {mediaType}, not text/event-stream.", null, status);
        }

        var reason = $"{(int)status} {response.ReasonPhrase}";
        if ((int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            session.RetryAfter = RetryAfter(response);
            response.Dispose();
            ClientLog.AttemptFailed(_logger, url, session.Failures + 1, reason);
            return null;
        }

        response.Dispose();
        ClientLog.FatalResponse(_logger, url, (int)status);
        throw new HttpRequestException($"{url} answered {reason}; retrying would get the same answer.", null, status);
    }

    private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<SseItem<string>> items, Uri url, FeedStreamSession session, CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            if (await items.MoveNextAsync().ConfigureAwait(false))
            {
                return true;
            }

            reason = "the server ended the response";
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // A read cut short by cancelling can surface as an I/O error; the caller asked to stop.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is IOException or HttpRequestException or InvalidDataException or OperationCanceledException or TimeoutException)
        {
            reason = ex.Message;
        }

        ClientLog.StreamEnded(_logger, url, session.LastEventId, reason);
        return false;
    }

    private async Task WaitToRetryAsync(Uri url, FeedStreamSession session, CancellationToken cancellationToken)
    {
        if (session.Failures >= _options.OfflineAfterFailures)
        {
            if (session.State != FeedConnectionState.Offline)
            {
                ClientLog.Offline(_logger, url, session.Failures);
            }

            session.Report(FeedConnectionState.Offline);
        }
        else
        {
            session.Report(FeedConnectionState.Reconnecting);
        }

        var delay = FeedBackoff.Delay(session.BaseRetry, session.Failures, _options.MaxRetry, session.RetryAfter, Random.Shared.NextDouble());
        session.RetryAfter = null;
        ClientLog.RetryScheduled(_logger, url, (long)delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    private bool TryDeserialize<T>(FeedMessage message, out T data)
    {
        data = default!;
        try
        {
            var value = message.Data.Deserialize<T>(FeedJson.Options);
            if (value is not null)
            {
                data = value;
                return true;
            }

            ClientLog.TypedDataSkipped(_logger, message.Id, message.Topic, typeof(T).Name, null);
        }
        catch (JsonException ex)
        {
            ClientLog.TypedDataSkipped(_logger, message.Id, message.Topic, typeof(T).Name, ex);
        }

        return false;
    }

    private static bool IsEventStream(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var after = header?.Delta ?? header?.Date - _time.GetUtcNow();
        return after > TimeSpan.Zero ? after : null;
    }

    private static FeedClientOptions Snapshot(FeedClientOptions options)
    {
        // A copy, so changing the caller's instance later cannot change a running client.
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InitialRetry, TimeSpan.Zero, "options.InitialRetry");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRetry, options.InitialRetry, "options.MaxRetry");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OfflineAfterFailures, 1, "options.OfflineAfterFailures");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.IdleTimeout ?? TimeSpan.MaxValue, TimeSpan.Zero, "options.IdleTimeout");
        return new FeedClientOptions
        {
            InitialRetry = options.InitialRetry,
            MaxRetry = options.MaxRetry,
            OfflineAfterFailures = options.OfflineAfterFailures,
            IdleTimeout = options.IdleTimeout,
        };
    }
}
