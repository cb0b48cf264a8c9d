using Dashboard.Options;

namespace Dashboard.Tests.Inspector;

/// <summary><c>Dashboard:Inspector</c> is checked at start; each bad value names its key.</summary>
[Trait("Tier", "Unit")]
public sealed class InspectorOptionsValidationTests
{
    [Theory]
    [InlineData("ftp://feeds.example.com/events")]
    [InlineData("/feeds/")]
    [InlineData("http://feeds.example.com")]
    [InlineData("http://user@feeds.example.com/events")]
    [InlineData("http://feeds.example.com/events?topic=a")]
    [InlineData("http://feeds.example.com/events/..%2fhealthz")]
    public void Validate_AllowedUrlNotAnHttpPrefix_FailsNamingTheKey(string prefix)
    {
        var options = new DashboardOptions();
        options.Inspector.AllowedUrls.Add("https://ok.example.com/events/");
        options.Inspector.AllowedUrls.Add(prefix);

        var result = new DashboardOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Single(result.Failures!);
        Assert.Contains("Dashboard:Inspector:AllowedUrls:1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dashboard:Inspector:ConnectTimeoutSeconds")]
    [InlineData("Dashboard:Inspector:FirstByteTimeoutSeconds")]
    [InlineData("Dashboard:Inspector:IdleTimeoutSeconds")]
    [InlineData("Dashboard:Inspector:MaxStreamsPerClient")]
    [InlineData("Dashboard:Inspector:MaxStreams")]
    public void Validate_BoundOutOfRange_FailsNamingTheKey(string key)
    {
        var options = new DashboardOptions();
        switch (key)
        {
            case "Dashboard:Inspector:ConnectTimeoutSeconds": options.Inspector.ConnectTimeoutSeconds = 0; break;
            case "Dashboard:Inspector:FirstByteTimeoutSeconds": options.Inspector.FirstByteTimeoutSeconds = -1; break;
            case "Dashboard:Inspector:IdleTimeoutSeconds": options.Inspector.IdleTimeoutSeconds = 0; break;
            case "Dashboard:Inspector:MaxStreamsPerClient": options.Inspector.MaxStreamsPerClient = 0; break;
            case "Dashboard:Inspector:MaxStreams": options.Inspector.MaxStreams = -5; break;
        }

        var result = new DashboardOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key + " must be between", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions());

        Assert.True(result.Succeeded);
    }
}
