using Dashboard.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Integration;

[Trait("Tier", "Server")]
public sealed class DashboardOptionsBindingTests
{
    [Fact]
    public async Task EffectiveThresholds_OneMetricConfigured_OverridesItAndKeepsTheOtherDefaults()
    {
        await using var app = DashboardApp.Build(
            ["--urls=http://127.0.0.1:0", "--Dashboard:Thresholds:cpu:Warning=50", "--Dashboard:Thresholds:cpu:Critical=60"]);

        var thresholds = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.EffectiveThresholds;

        Assert.Equal((50.0, 60.0), (thresholds["cpu"].Warning, thresholds["cpu"].Critical));
        Assert.Equal((80.0, 95.0), (thresholds["memory"].Warning, thresholds["memory"].Critical));
    }
}
