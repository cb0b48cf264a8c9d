using System.Diagnostics.Metrics;
using Dashboard.Relay;
using Feeds.Client;

namespace Dashboard.Telemetry;

/// <summary>
/// The dashboard's instruments, on the <c>Dashboard</c> meter: Blazor circuits open, the relay's
/// upstream streams by connection state, and the events its windows hold. From the host's meter factory, so hosts in one process stay apart.
/// </summary>
public sealed class DashboardMetrics
{
    public const string MeterName = "Dashboard";

    private static readonly FeedConnectionState[] States = Enum.GetValues<FeedConnectionState>();

    private long _circuits;

    internal DashboardMetrics(IMeterFactory meterFactory, FeedRelay relay)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        // Observed rather than added to, so the count is exported as 0 before the first circuit opens.
        meter.CreateObservableUpDownCounter("dashboard.circuits.open", () => Interlocked.Read(ref _circuits), "{circuit}",
            "Blazor Server circuits open now: one per browser tab showing a page, and a closed tab's for as long as Blazor keeps it for reconnection.");

        // Every state is reported, 0 included, so a chart of "offline" has a line before the first outage.
        meter.CreateObservableUpDownCounter("dashboard.relay.upstreams", () =>
            {
                var now = relay.FeedStates.ToArray();
                return States.Select(state => new Measurement<long>(
                    now.Count(s => s == state), new KeyValuePair<string, object?>("state", state.ToString().ToLowerInvariant())));
            },
            "{stream}",
            "The relay's upstream feed streams (one per topic or prefix shown, shared by every circuit), by connection state.");

        meter.CreateObservableGauge("dashboard.relay.window.events", () => relay.WindowedEvents, "{event}",
            "Events the relay keeps for the charts' time windows, all topics together; it levels off once the longest window is full.");
    }

    internal void CircuitOpened() => Interlocked.Increment(ref _circuits);

    internal void CircuitClosed() => Interlocked.Decrement(ref _circuits);
}
