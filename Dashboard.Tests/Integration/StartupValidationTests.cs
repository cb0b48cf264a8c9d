using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration;

[Trait("Tier", "Server")]
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("--Feeds:Ticker:IntervalMs=0", "Feeds:Ticker:IntervalMs")]
    [InlineData("--Feeds:History:PerTopic=-5", "Feeds:History:PerTopic")]
    [InlineData("--Feeds:Clock:TimeZone=Mars/Olympus_Mons", "Feeds:Clock:TimeZone")]
    [InlineData("--Feeds:Publish:ApiKeys:0=short", "Feeds:Publish:ApiKeys:0")]
    [InlineData("--Feeds:Cors:Origins:0=*", "Feeds:Cors:Origins:0")]
    [InlineData("--Dashboard:RenderIntervalMs=1", "Dashboard:RenderIntervalMs")]
    [InlineData("--Dashboard:Inspector:AllowedUrls:0=http://feeds.example.com", "Dashboard:Inspector:AllowedUrls:0")]
    [InlineData("--Dashboard:WorldClocks:0=Nowhere/Land", "Dashboard:WorldClocks:0")]
    [InlineData("--Feeds:Backplane:LeaderCheckMs=0", "Feeds:Backplane:LeaderCheckMs")]
    [InlineData("--Feeds:Prometheus:Queries:0:Topic=prom/cpu", "Feeds:Prometheus:Queries:0:Query")]
    [InlineData("--Telemetry:Scrape:Path=metrics", "Telemetry:Scrape:Path")]
    public async Task Start_BadSetting_FailsNamingTheKey(string argument, string key)
    {
        await using var app = DashboardApp.Build(["--urls=http://127.0.0.1:0", argument]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Feeds:Backplane:Kind=Redis", "Feeds:Backplane:Kind")]
    [InlineData("--Feeds:Backplane:Kind=Postgres", "ConnectionStrings:Feeds")]
    public void Build_BadBackplane_FailsNamingTheKey(string argument, string key)
    {
        // The backplane decides which services exist, so it is checked while the app is built.
        var failure = Assert.Throws<OptionsValidationException>(() => DashboardApp.Build(["--urls=http://127.0.0.1:0", argument]));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }
}
