using System.Diagnostics.Metrics;

namespace Feeds.Producers;

/// <summary>
/// Counts completed HTTP requests by listening to ASP.NET Core's own request-duration histogram,
/// which records one measurement as each request ends: an exact count with no middleware.
/// </summary>
internal sealed class HttpRequestCounter : IDisposable
{
    internal const string MeterName = "Microsoft.AspNetCore.Hosting";
    internal const string InstrumentName = "http.server.request.duration";

    private readonly MeterListener _listener = new();
    private long _count;

    public HttpRequestCounter(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this app's own meter: ASP.NET Core creates it through the app's IMeterFactory, and
            // several hosts in one process (the integration tests) must not count each other's requests.
            if (instrument.Meter.Name == MeterName
                && instrument.Name == InstrumentName
                && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };

        // The histogram is a Histogram<double> of seconds; only the number of measurements matters.
        _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _count));
        _listener.Start();
    }

    /// <summary>Requests completed since the last call.</summary>
    public long TakeCount() => Interlocked.Exchange(ref _count, 0);

    public void Dispose() => _listener.Dispose();
}
