using Dashboard.Telemetry;
using Dashboard.Tests.Integration;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Browser;

/// <summary>dashboard.circuits.open follows real Blazor circuits in Chromium.</summary>
[Trait("Tier", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class CircuitMetricsTests(BrowserFixture browser)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CircuitsOpen_PageOpened_CountsItsCircuit()
    {
        // Arrange: a server of its own, so no other test's tab is counted.
        await using var server = new DashboardServer();
        await server.InitializeAsync();
        using var recorder = new MeterRecorder(server.Services, DashboardMetrics.MeterName);
        var before = recorder.Observe("dashboard.circuits.open");

        // Act
        await using var page = await LivePage.OpenAsync(browser, server.BaseAddress, "/clock");

        // Assert. Not the close: Blazor keeps a disconnected circuit for reconnection (3 minutes by
        // default) and only then closes it, so a closed tab stays counted that long.
        await Poll.UntilAsync(() => Task.FromResult(recorder.Observe("dashboard.circuits.open") == before + 1), Patience, "the tab's circuit is counted");
    }
}
