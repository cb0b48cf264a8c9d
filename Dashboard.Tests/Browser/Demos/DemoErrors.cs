namespace Dashboard.Tests.Browser.Demos;

/// <summary>
/// A page's errors, less the streams the page closed on purpose: Chromium reports a stream the
/// page cancels (EventSource.close() mid-response) as a failed request, net::ERR_ABORTED, which is
/// exactly what the close buttons of the demos do.
/// </summary>
internal static class DemoErrors
{
    private static readonly string[] Streams = ["/feeds/sse?", "/demos/text/stream"];

    public static IReadOnlyList<string> Unexpected(LivePage page) =>
        page.Errors.Where(error => !(error.StartsWith("request failed: ", StringComparison.Ordinal)
            && error.EndsWith("net::ERR_ABORTED", StringComparison.Ordinal)
            && Streams.Any(stream => error.Contains(stream, StringComparison.Ordinal)))).ToList();
}
