namespace FeedLoad;

/// <summary>
/// The part of the run that counts: it opens once every connection is up and warmed up, so the
/// ramp-up (thousands of connections opening) does not colour the latency of the steady state.
/// </summary>
internal sealed class MeasureWindow
{
    private double _startMs = double.PositiveInfinity;
    private double _endMs = double.PositiveInfinity;

    public double StartMs => Volatile.Read(ref _startMs);

    public double EndMs => Volatile.Read(ref _endMs);

    public void Open(double startMs, double endMs)
    {
        Volatile.Write(ref _endMs, endMs);
        Volatile.Write(ref _startMs, startMs);
    }

    public bool Contains(double unixMs) => unixMs >= StartMs && unixMs < EndMs;
}
