using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Shared;

/// <summary>
/// Reads one host's instruments as an exporter would, with a <see cref="MeterListener"/> limited to
/// the meters of that host's <see cref="IMeterFactory"/>: other hosts running in the same test process
/// do not count.
/// </summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public MeterRecorder(IServiceProvider services, string meterName)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Keep(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Keep(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Keep(i, v, t));
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with every tag in <paramref name="tags"/>, e.g. <c>("status", 401)</c>.</summary>
    public double Sum(string instrument, params (string Key, object Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value))).Sum(m => m.Value);

    /// <summary>How many measurements <paramref name="instrument"/> recorded, e.g. a histogram's count.</summary>
    public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

    /// <summary>Asks the observable instruments for their values now, and returns what <paramref name="instrument"/> reported with those tags.</summary>
    public double Observe(string instrument, params (string Key, object Value)[] tags)
    {
        _measurements.Clear();
        _listener.RecordObservableInstruments();
        return Sum(instrument, tags);
    }

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }
}
