using System.Text.Json;
using Dashboard.Components.Widgets;
using Dashboard.Options;
using Feeds.Client;

namespace Dashboard.Tests.Components;

[Trait("Tier", "Unit")]
public sealed class HostRankingTests
{
    [Fact]
    public void Apply_LevelsChange_WorstFirstThenByNameAndMovesOnlyOnALevelChange()
    {
        // Arrange
        var ranking = new HostRanking(DashboardOptions.DefaultThresholds, string.CompareOrdinal);
        ranking.Apply(Metrics("api-1", cpu: 20));
        ranking.Apply(Metrics("db-1", cpu: 75));
        ranking.Apply(Metrics("web-1", cpu: 95));
        ranking.Apply(Metrics("web-2", cpu: 20, incident: "disk full"));
        var first = ranking.Hosts.ToArray();

        // Act
        var sameLevel = ranking.Apply(Metrics("web-1", cpu: 97));
        var calmer = ranking.Apply(Metrics("web-1", cpu: 10));

        // Assert
        Assert.Equal(["web-1", "db-1", "web-2", "api-1"], first);
        Assert.False(sameLevel);
        Assert.True(calmer);
        Assert.Equal(["db-1", "web-2", "api-1", "web-1"], ranking.Hosts);
    }

    private static FeedMessage Metrics(string host, double cpu, string? incident = null) =>
        new(1, "metrics/" + host, "metrics", JsonSerializer.SerializeToElement(new { host, cpu, memory = 10.0, latencyP99Ms = 50.0, errorRate = 0.1, incident }), 0);
}
