using System.Net;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration;

/// <summary>The scrape endpoint of the real app: on by default at /metrics, movable, and off when asked.</summary>
[Trait("Tier", "Server")]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_Defaults_ServesOurMetersAspNetCoresAndTheRuntimesInPrometheusText()
    {
        // Arrange
        await using var server = await StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        await client.GetStringAsync("feeds/topics");

        // Act
        using var response = await client.GetAsync("metrics");
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE feeds_streams_open gauge", body, StringComparison.Ordinal);
        Assert.Contains("feeds_events_published_total", body, StringComparison.Ordinal);
        Assert.Contains("dashboard_relay_upstreams{", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE dashboard_relay_window_events gauge", body, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", body, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_PathConfigured_ServedThereOnly()
    {
        // Arrange
        await using var server = await StartAsync("--Telemetry:Scrape:Path=/ops/metrics");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        // Act
        var moved = await client.GetStringAsync("ops/metrics");
        var old = await BodyAsync(client, "metrics");

        // Assert
        Assert.Contains("feeds_streams_open", moved, StringComparison.Ordinal);
        Assert.DoesNotContain("feeds_streams_open", old, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_SwitchedOff_NotServed()
    {
        // Arrange
        await using var server = await StartAsync("--Telemetry:Scrape:Enabled=false");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        // Act
        var body = await BodyAsync(client, "metrics");

        // Assert
        Assert.DoesNotContain("feeds_streams_open", body, StringComparison.Ordinal);
    }

    private static async Task<DashboardServer> StartAsync(params string[] arguments)
    {
        var server = new DashboardServer();
        foreach (var argument in arguments)
        {
            server.Arguments.Add(argument);
        }

        await server.InitializeAsync();
        return server;
    }

    private static async Task<string> BodyAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }
}
