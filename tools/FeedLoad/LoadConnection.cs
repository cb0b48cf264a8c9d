using System.Net.ServerSentEvents;

namespace FeedLoad;

/// <summary>
/// One SSE connection, read with <see cref="SseParser"/> until the run ends. Opening waits its turn
/// at <paramref name="connectGate"/>, so thousands of connections ramp up instead of all knocking at once.
/// </summary>
internal sealed class LoadConnection(HttpClient http, Uri url, TimeProvider time, SemaphoreSlim connectGate, MeasureWindow window)
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the connection is open or has failed to open.</summary>
    public Task Opened => _opened.Task;

    public async Task<ConnectionReport> RunAsync(CancellationToken stop)
    {
        var report = new ConnectionReport();
        HttpResponseMessage response;
        await connectGate.WaitAsync(stop);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("text/event-stream");
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            report.ConnectError = ex.Message;
            return report;
        }
        finally
        {
            connectGate.Release();
            _opened.TrySetResult();
        }

        using (response)
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode || mediaType != "text/event-stream")
            {
                report.ConnectError = $"{(int)response.StatusCode} {response.ReasonPhrase}, {mediaType}";
                return report;
            }

            report.Connected = true;
            try
            {
                var body = await response.Content.ReadAsStreamAsync(stop);
                var parser = SseParser.Create(body, static (_, data) => EventData.Parse(data));
                await foreach (var item in parser.EnumerateAsync(stop))
                {
                    var now = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;
                    report.Record(item.EventType, item.EventId, item.Data, now, window.Contains(now));
                }

                report.Disconnected = "the server ended the response";
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (!stop.IsCancellationRequested && ex is IOException or HttpRequestException)
            {
                report.Disconnected = ex.Message;
            }
        }

        return report;
    }
}
