using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Dashboard.Telemetry;

/// <summary>Counts circuits as Blazor opens and closes them.</summary>
internal sealed class CircuitMetricsHandler(DashboardMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
