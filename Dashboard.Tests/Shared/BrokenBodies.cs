using System.Text;

namespace Dashboard.Tests.Shared;

/// <summary>
/// The two JSON POSTs Kestrel itself refuses while the app reads the body: one that stalls
/// (<c>MinRequestBodyDataRate</c>, 408) and one with a chunk size that overflows (400).
/// </summary>
internal static class BrokenBodies
{
    /// <summary>Past Kestrel's 5 s grace period and its next rate check, with room for a busy machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Announces 1,000 bytes (under every endpoint's cap), sends the first few and then nothing, keeping the socket open.</summary>
    public static Task<HttpResponseMessage> StallingAsync(Uri baseAddress, string path, params string[] headers) =>
        RawHttp.SendAsync(baseAddress, "POST", path, [.. headers, "Content-Type: application/json", "Content-Length: 1000"],
            body => body.WriteAsync(Encoding.ASCII.GetBytes("{\"text\":\"")).AsTask(), Patience);

    /// <summary>A chunked body whose first chunk size, <c>FFFFFFFFFFFF</c>, does not fit Kestrel's counter.</summary>
    public static Task<HttpResponseMessage> BadChunkSizeAsync(Uri baseAddress, string path, params string[] headers) =>
        RawHttp.SendAsync(baseAddress, "POST", path, [.. headers, "Content-Type: application/json", "Transfer-Encoding: chunked"],
            body => body.WriteAsync(Encoding.ASCII.GetBytes("FFFFFFFFFFFF\r\n{\"text\":\"hi\"}\r\n0\r\n\r\n")).AsTask(), Patience);
}
