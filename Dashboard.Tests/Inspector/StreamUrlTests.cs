using Dashboard.Inspector;

namespace Dashboard.Tests.Inspector;

/// <summary>The inspector's allow-list compares URLs in one normal form, on segment boundaries.</summary>
[Trait("Tier", "Unit")]
public sealed class StreamUrlTests
{
    [Theory]
    [InlineData("http://h:1/feeds/", "http://h:1/feeds/sse?topic=a", true)]
    [InlineData("http://h:1/feeds/", "http://H:1/feeds/sse", true)]
    [InlineData("http://h/feeds/", "http://h:80/feeds/sse", true)]
    [InlineData("http://h:80/feeds/", "http://h/feeds/sse", true)]
    [InlineData("http://h:1/feeds/", "http://h:1/feeds/%73se", true)]
    [InlineData("http://h:1/feeds", "http://h:1/feeds", true)]
    [InlineData("http://h:1/feeds", "http://h:1/feeds/sse", true)]
    [InlineData("http://bücher.example/feeds/", "http://xn--bcher-kva.example/feeds/sse", true)]
    [InlineData("http://h:1/feeds/", "http://h:1/feedsX", false)]
    [InlineData("http://h:1/feeds", "http://h:1/feedsX", false)]
    [InlineData("http://h:1/feeds/", "http://h:1/feeds", false)]
    [InlineData("http://h:1/feeds/", "http://h:1/feeds/../healthz", false)]
    [InlineData("http://h:1/feeds/", "http://h:1/feeds/%2e%2e/healthz", false)]
    [InlineData("http://h:1/feeds/", "http://h:1/feeds/%2E%2E/healthz", false)]
    [InlineData("http://h:1/feeds/", "http://h:1/feeds/x/../../healthz", false)]
    [InlineData("http://h:1/feeds/", "https://h:1/feeds/sse", false)]
    [InlineData("http://h:1/feeds/", "http://h:2/feeds/sse", false)]
    [InlineData("http://h:1/feeds/", "http://h.evil:1/feeds/sse", false)]
    public void IsUnder_Prefix_ComparesNormalisedUrls(string prefix, string url, bool expected)
    {
        Assert.True(StreamUrl.TryParse(prefix, out var allowed, out _));
        Assert.True(StreamUrl.TryParse(url, out var requested, out _));

        Assert.Equal(expected, requested.IsUnder(allowed));
    }

    [Theory]
    [InlineData("http://h:1/feeds/..%2fhealthz")]
    [InlineData("http://h:1/feeds/..%2Fhealthz")]
    [InlineData("http://h:1/feeds/..%5chealthz")]
    [InlineData("http://h:1/feeds/..\\healthz")]
    [InlineData("http://user@h:1/feeds/sse")]
    [InlineData("http://h:1@evil:1/feeds/sse")]
    [InlineData("ftp://h:1/feeds/sse")]
    [InlineData("/feeds/sse")]
    [InlineData("")]
    public void TryParse_AmbiguousOrNotHttp_Refuses(string url)
    {
        Assert.False(StreamUrl.TryParse(url, out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void TryParse_DotSegmentsAndEscapes_SendsThePathThatWasChecked()
    {
        Assert.True(StreamUrl.TryParse("HTTP://H:1/feeds/./x/../%73se?topic=a%2Fb#frag", out var url, out _));

        Assert.Equal("http://h:1/feeds/sse?topic=a%2Fb", url.Uri.AbsoluteUri);
    }
}
