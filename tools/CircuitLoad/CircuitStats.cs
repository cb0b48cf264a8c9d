namespace CircuitLoad;

/// <summary>
/// One circuit's counts, written by its own receive loop only. The "measured" ones count only
/// while <see cref="MeasureGate"/> is open.
/// </summary>
internal sealed class CircuitStats
{
    /// <summary>The JS interop call that pushes new points to a chart (liveChart.js, sparkline.js).</summary>
    public const string ChartUpdate = "append";

    public CircuitState State { get; set; } = CircuitState.Starting;

    public string? Failure { get; set; }

    public long TotalBytes { get; private set; }

    public long MeasuredBytes { get; private set; }

    public long MeasuredRenderBatches { get; private set; }

    public long MeasuredRenderBytes { get; private set; }

    public long MeasuredJsCalls { get; private set; }

    public long MeasuredJsBytes { get; private set; }

    public long MeasuredOtherBytes { get; private set; }

    /// <summary>Sizes in bytes of each chart update message (the whole framed hub message).</summary>
    public List<int> ChartUpdateSizes { get; } = [];

    /// <summary>JS interop calls by identifier: count and bytes, measured.</summary>
    public Dictionary<string, (long Count, long Bytes)> JsByIdentifier { get; } = new(StringComparer.Ordinal);

    public void Received(int bytes) => TotalBytes += bytes;

    public void RenderBatch(int bytes)
    {
        if (MeasureGate.Open)
        {
            MeasuredBytes += bytes;
            MeasuredRenderBatches++;
            MeasuredRenderBytes += bytes;
        }
    }

    public void JsCall(string identifier, int bytes)
    {
        if (!MeasureGate.Open)
        {
            return;
        }

        MeasuredBytes += bytes;
        MeasuredJsCalls++;
        MeasuredJsBytes += bytes;
        JsByIdentifier[identifier] = JsByIdentifier.TryGetValue(identifier, out var seen) ? (seen.Count + 1, seen.Bytes + bytes) : (1, bytes);
        if (identifier == ChartUpdate)
        {
            ChartUpdateSizes.Add(bytes);
        }
    }

    public void Other(int bytes)
    {
        if (MeasureGate.Open)
        {
            MeasuredBytes += bytes;
            MeasuredOtherBytes += bytes;
        }
    }
}
