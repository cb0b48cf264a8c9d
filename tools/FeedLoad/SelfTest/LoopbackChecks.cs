using System.Net;
using System.Net.Sockets;
using System.Text;
using FeedLoad.Wire;

namespace FeedLoad.SelfTest;

/// <summary>
/// <see cref="LoadConnection"/> against a scripted server on 127.0.0.1: the response dribbled out
/// a few bytes per write, so heads, chunk headers, lines and events arrive split across reads,
/// and each way a stream can end is reported as a run against a real server would report it.
/// </summary>
internal static class LoopbackChecks
{
    private const string Head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n";

    public static async Task RunAsync(SelfCheck check)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var events = $"retry: 3000\n\n{Quote(1, ts)}: heartbeat\n\n{Quote(2, ts)}{Quote(4, ts)}event: reset\ndata: {{\"topic\":\"\",\"ts\":{ts}}}\n\n";

        var ended = await RunAsync(Head + Chunked(events) + "0\r\n\r\n", holdOpen: false);
        check.That(ended is { Connected: true, Events: 4, Resets: 1, IdGaps: 1, ParseErrors: 0, MissingTs: 0, IdOrderViolations: 0 },
            $"a chunked stream with a gap and a reset: {Describe(ended)}");
        check.Equal(3, ended.LatenciesMs.Count, "latencies of the published events");
        check.Equal("the server ended the response", ended.Disconnected, "a stream ended by its last chunk");

        var toClose = await RunAsync("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n" + events, holdOpen: false);
        check.That(toClose is { Connected: true, Events: 4, IdGaps: 1 }, $"a stream read to close: {Describe(toClose)}");
        check.Equal("the server ended the response", toClose.Disconnected, "a stream ended by closing the connection");

        var cut = await RunAsync(Head + Chunked(events)[..^20], holdOpen: false);
        check.That(cut is { Connected: true, Events: 3 }, $"a stream cut inside a chunk: {Describe(cut)}");
        check.Equal("the server closed the connection before the response's end", cut.Disconnected, "a chunked stream closed early");

        var open = await RunAsync(Head + Chunked(events), holdOpen: true);
        check.That(open is { Connected: true, Events: 4, Disconnected: null }, $"a stream still open when the run stops: {Describe(open)}");

        var refused = await RunAsync("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\n\r\n{}", holdOpen: false);
        check.That(refused is { Connected: false, ConnectError: "429 Too Many Requests, application/problem+json" }, $"a refused stream: {refused.ConnectError}");

        var notSse = await RunAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nhi", holdOpen: false);
        check.Equal("200 OK, text/html", notSse.ConnectError, "a 200 that is not an event stream");
    }

    private static string Quote(long id, long ts) =>
        $"event: quote\ndata: {{\"topic\":\"ticker/ACME\",\"ts\":{ts},\"symbol\":\"ACME\",\"last\":100.25}}\nid: {id}\n\n";

    /// <summary>One chunk per event-stream line, as a server flushing each write would send.</summary>
    private static string Chunked(string body) =>
        string.Concat(body.Split('\n').SkipLast(1).Select(line => $"{Encoding.UTF8.GetByteCount(line) + 1:x}\r\n{line}\n\r\n"));

    private static string Describe(ConnectionReport report) =>
        $"connected {report.Connected}, events {report.Events}, resets {report.Resets}, gaps {report.IdGaps}, parse errors {report.ParseErrors}, disconnected: {report.Disconnected}";

    /// <summary>Serves <paramref name="response"/> to one <see cref="LoadConnection"/> and returns what the connection reported.</summary>
    private static async Task<ConnectionReport> RunAsync(string response, bool holdOpen)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var window = new MeasureWindow();
        window.Open(0, double.PositiveInfinity);
        using var gate = new SemaphoreSlim(1);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var loop = new ReadinessLoop(stop.Token);
        var connection = new LoadConnection(new Uri($"http://127.0.0.1:{port}/feeds/sse?topic=ticker/ACME"), TimeProvider.System, gate, window, loop);
        var client = connection.RunAsync(stop.Token);

        using (var server = await listener.AcceptSocketAsync(stop.Token))
        {
            server.NoDelay = true;
            await ReadRequestAsync(server, stop.Token);
            var bytes = Encoding.UTF8.GetBytes(response);
            var random = new Random(port);
            for (var at = 0; at < bytes.Length;)
            {
                var length = Math.Min(random.Next(1, 8), bytes.Length - at);
                await server.SendAsync(bytes.AsMemory(at, length), SocketFlags.None, stop.Token);
                at += length;

                // A pause now and then, so the client's reads end at arbitrary bytes instead of catching up in one.
                if (random.Next(4) == 0)
                {
                    await Task.Delay(1, stop.Token);
                }
            }

            if (holdOpen)
            {
                // Give the client the last bytes, then end the run as Program does, with the stream still open.
                await Task.Delay(200, stop.Token);
                await stop.CancelAsync();
                return await client;
            }
        }

        var report = await client;
        await stop.CancelAsync(); // ends the loop's thread
        return report;
    }

    private static async Task ReadRequestAsync(Socket server, CancellationToken stop)
    {
        var request = new List<byte>();
        var buffer = new byte[256];
        while (!Encoding.ASCII.GetString(request.ToArray()).EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await server.ReceiveAsync(buffer, SocketFlags.None, stop);
            if (read == 0)
            {
                throw new InvalidOperationException("the client closed before sending its request");
            }

            request.AddRange(buffer.AsSpan(0, read));
        }

        var text = Encoding.ASCII.GetString(request.ToArray());
        if (!text.StartsWith("GET /feeds/sse?topic=ticker/ACME HTTP/1.1\r\nHost: 127.0.0.1:", StringComparison.Ordinal) ||
            !text.Contains("\r\nAccept: text/event-stream\r\n", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"unexpected request: {text}");
        }
    }
}
