using Feeds.Client;

namespace Dashboard.Tests.Shared;

/// <summary>
/// Cuts the first response's body at a byte the test picks, as a network that drops mid-stream
/// would: the client reads up to that byte, then gets an <see cref="IOException"/>. Later
/// responses pass untouched, so the client's reconnect reaches the real server.
/// </summary>
/// <param name="cutAt">Given every byte of the body so far, how many the client may read before the cut; null to read on.</param>
internal sealed class CutFirstResponseHandler(Func<ReadOnlyMemory<byte>, int?> cutAt) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _responses;

    /// <summary>Cuts just after the first blank line: the feeds' preamble (<c>retry:</c>, <c>id:</c>, a comment) and nothing more.</summary>
    public static int? AfterFirstBlock(ReadOnlyMemory<byte> body) => BlockEnd(body.Span, 0);

    /// <summary>Cuts the second block one byte short of its blank line: an event whose <c>id:</c> arrived but which never completed.</summary>
    public static int? InsideSecondBlock(ReadOnlyMemory<byte> body) =>
        BlockEnd(body.Span, 0) is { } first && BlockEnd(body.Span, first) is { } second ? second - 1 : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Interlocked.Increment(ref _responses) == 1)
        {
            var original = response.Content;
            response.Content = new StreamContent(new CutStream(await original.ReadAsStreamAsync(cancellationToken), cutAt));
            foreach (var header in original.Headers)
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return response;
    }

    private static int? BlockEnd(ReadOnlySpan<byte> body, int from)
    {
        var at = body[from..].IndexOf("\n\n"u8);
        return at < 0 ? null : from + at + 2;
    }

    private sealed class CutStream(Stream inner, Func<ReadOnlyMemory<byte>, int?> cutAt) : ReadOnlyWrapperStream(inner)
    {
        private readonly MemoryStream _seen = new();
        private bool _cut;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_cut)
            {
                throw new IOException("The test cut the connection here.");
            }

            var read = await Inner.ReadAsync(buffer, cancellationToken);
            _seen.Write(buffer.Span[..read]);
            if (cutAt(_seen.GetBuffer().AsMemory(0, (int)_seen.Length)) is not { } keep)
            {
                return read;
            }

            _cut = true;
            var deliver = read - (int)(_seen.Length - keep);
            return deliver > 0 ? deliver : throw new IOException("The test cut the connection here.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _seen.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
