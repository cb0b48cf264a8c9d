using Feeds;
using Feeds.Hub;
using Feeds.Producers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Feeds.Producers;

/// <summary>The producers as AddFeeds wires them into a real host, on the real clock.</summary>
[Trait("Tier", "Unit")]
public sealed class ProducersExtensionsTests
{
    [Fact]
    public void AddFeeds_RegistersEveryProducerOnce()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddFeeds();
        builder.Services.AddFeedProducers();

        var producers = builder.Services
            .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType!.Namespace == typeof(FeedProducer).Namespace)
            .Select(d => d.ImplementationType)
            .ToList();

        Assert.Equal([typeof(ClockProducer), typeof(TickerProducer), typeof(FleetMetricsProducer), typeof(SelfMetricsProducer), typeof(AlertsProducer), typeof(AlertStateProducer)], producers);
        Assert.Single(builder.Services, d => d.ServiceType == typeof(HttpRequestCounter));
    }

    [Fact]
    public async Task StartAsync_AllEnabled_CatalogListsEveryTopic()
    {
        using var host = Build(new()
        {
            ["Feeds:Ticker:Symbols:0"] = "ACME",
            ["Feeds:Ticker:Symbols:1"] = "GLOBX",
            ["Feeds:Metrics:Hosts:0"] = "web-1",
        });

        await host.StartAsync();
        var topics = host.Services.GetRequiredService<TopicCatalog>().All().Select(t => t.Topic).ToList();
        await host.StopAsync();

        Assert.Equal(["alerts", "alerts/active", "clock", "metrics/self", "metrics/web-1", "ticker/ACME", "ticker/GLOBX"], topics);
    }

    [Fact]
    public async Task StartAsync_SomeDisabled_OnlyTheOthersDeclareTopics()
    {
        using var host = Build(new()
        {
            ["Feeds:Clock:Enabled"] = "false",
            ["Feeds:Metrics:Enabled"] = "false",
            ["Feeds:Alerts:Enabled"] = "false",
            ["Feeds:Ticker:Symbols:0"] = "ACME",
        });

        await host.StartAsync();
        var topics = host.Services.GetRequiredService<TopicCatalog>().All().Select(t => t.Topic).ToList();
        await host.StopAsync();

        Assert.Equal(["alerts", "alerts/active", "ticker/ACME"], topics);
    }

    [Fact]
    public async Task StartAsync_BadInterval_FailsNamingTheKey()
    {
        using var host = Build(new() { ["Feeds:Ticker:IntervalMs"] = "0" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Feeds:Ticker:IntervalMs", exception.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddFeeds();
        return builder.Build();
    }
}
