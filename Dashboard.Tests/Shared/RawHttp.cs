using System.Net.Sockets;
using System.Text;

namespace Dashboard.Tests.Shared;

/// <summary>
/// HTTP/1.1 over a bare TCP socket, for requests HttpClient will not send: a body that stalls part
/// way, a chunk size no client would write. The request asks the server to close after its answer,
/// so the answer is everything read until the server closes.
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends the head, lets <paramref name="writeBody"/> write (or withhold) the body, and reads the answer.</summary>
    /// <param name="headers">Header lines after <c>Host</c> and <c>Connection: close</c>, e.g. <c>Content-Length: 10</c>.</param>
    public static async Task<HttpResponseMessage> SendAsync(Uri baseAddress, string method, string path, IEnumerable<string> headers,
        Func<Stream, Task> writeBody, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port, deadline.Token);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), deadline.Token);
        await writeBody(stream);
        await stream.FlushAsync(deadline.Token);

        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer, deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server neither answered nor closed within {timeout}; read so far: {Encoding.UTF8.GetString(answer.ToArray())}");
        }
        catch (IOException)
        {
            // Kestrel may reset rather than close a connection whose announced body never came; its answer was sent first.
        }

        return Parse(answer.ToArray());
    }

    private static HttpResponseMessage Parse(byte[] answer)
    {
        var text = Encoding.Latin1.GetString(answer);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"No complete response head in: {text}");
        var lines = text[..end].Split("\r\n");
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        var body = answer.AsSpan(end + 4).ToArray();
        var content = new List<(string Name, string Value)>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            content.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        if (content.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Unchunk(body);
        }

        response.Content = new ByteArrayContent(body);
        foreach (var (name, value) in content)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8) + position;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, position, lineEnd - position).Split(';')[0], 16);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
