using System.Globalization;
using System.Text.Json;

namespace FeedLoad;

/// <summary>
/// Opens and closes streams as fast as browsers coming and going would, then asks the server
/// what it still holds: every stream closed should leave no subscriber and no memory behind.
/// </summary>
internal sealed class ChurnRun(HttpClient http, LoadOptions options)
{
    public async Task<int> RunAsync(TextWriter output)
    {
        var before = await ServerAsync();
        var failures = 0;
        var refusals = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await Parallel.ForAsync(0, options.Churn, new ParallelOptions { MaxDegreeOfParallelism = options.Clients }, async (_, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, options.Url);
            request.Headers.Accept.ParseAdd("text/event-stream");
            try
            {
                // Headers back means the server has subscribed; disposing closes the connection.
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    refusals.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                }
            }
            catch (HttpRequestException ex)
            {
                Interlocked.Increment(ref failures);
                refusals.AddOrUpdate(ex.Message, 1, (_, n) => n + 1);
            }
        });

        // The server notices each close within moments; give it those, then ask.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var after = await ServerAsync();
        while (after.Subscribers > before.Subscribers && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            after = await ServerAsync();
        }

        output.WriteLine($"{"streams opened+closed",-22}{options.Churn} ({failures} refused: {string.Join(", ", refusals.Select(r => $"{r.Value}x {r.Key}"))})");
        output.WriteLine($"{"subscribers",-22}{before.Subscribers} before, {after.Subscribers} after");
        output.WriteLine($"{"server working set",-22}{Mb(before.WorkingSet)} MB before, {Mb(after.WorkingSet)} MB after");
        output.WriteLine($"{"server GC heap",-22}{Mb(before.GcHeap)} MB before, {Mb(after.GcHeap)} MB after");
        return failures == 0 && after.Subscribers == before.Subscribers ? 0 : 1;
    }

    private async Task<(int Subscribers, long WorkingSet, long GcHeap)> ServerAsync()
    {
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(options.Url, "/feeds/stats")));

        // metrics/self's latest event, through the same stream endpoint: the server measuring itself.
        var self = await LatestSelfMetricsAsync();
        return (stats.RootElement.GetProperty("subscribers").GetInt32(),
            self.GetProperty("workingSetBytes").GetInt64(), self.GetProperty("gcHeapBytes").GetInt64());
    }

    private async Task<JsonElement> LatestSelfMetricsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Url, "/feeds/sse?topic=metrics/self&maxEvents=1"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                return data.RootElement.Clone();
            }
        }

        throw new InvalidOperationException("metrics/self sent nothing; is the metrics producer enabled?");
    }

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture);
}
