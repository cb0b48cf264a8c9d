namespace CircuitLoad;

/// <summary>
/// Opens the measured window for every circuit at once: ramp-up and settling (page loads,
/// backfills, chart creation) are not counted in the steady-state numbers.
/// </summary>
internal static class MeasureGate
{
    private static volatile bool s_open;

    public static bool Open => s_open;

    public static void Start() => s_open = true;

    public static void Stop() => s_open = false;
}
