using System.Net.ServerSentEvents;

namespace FeedLoad;

/// <summary>One SSE connection, read with <see cref="SseParser"/> until the run ends.</summary>
internal sealed class LoadConnection(HttpClient http, Uri url, TimeProvider time)
{
    public async Task<ConnectionReport> RunAsync(CancellationToken stop)
    {
        var report = new ConnectionReport();
        HttpResponseMessage response;
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
                await foreach (var item in SseParser.Create(body).EnumerateAsync(stop))
                {
                    report.Record(item, (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds);
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
