namespace Dashboard.Boards;

/// <summary>The ways a panel shows its values, as <c>Kind</c> names them.</summary>
public static class PanelKinds
{
    /// <summary>A live chart over the page's time window, a line per topic, field and series.</summary>
    public const string Line = "line";

    /// <summary>A big current number with a sparkline.</summary>
    public const string Stat = "stat";

    /// <summary>A dial from Min to Max.</summary>
    public const string Gauge = "gauge";

    /// <summary>A bar per topic or series, its latest value.</summary>
    public const string Bar = "bar";

    /// <summary>The latest value per topic or series; with no fields, the recent events.</summary>
    public const string Table = "table";

    public static IReadOnlyList<string> All { get; } = [Line, Stat, Gauge, Bar, Table];
}
