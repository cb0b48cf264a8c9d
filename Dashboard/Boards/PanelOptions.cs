using Dashboard.Options;

namespace Dashboard.Boards;

/// <summary><c>Dashboard:Boards:{id}:Panels:{n}</c>: one panel, what it reads and how it shows it.</summary>
public sealed class PanelOptions
{
    /// <summary>The panel's heading.</summary>
    public string Title { get; set; } = "";

    /// <summary>The topic (<c>metrics/self</c>) or prefix of topics (<c>ticker/*</c>) the panel reads.</summary>
    public string Topic { get; set; } = "";

    /// <summary>Paths into each event's data (<c>cpu</c>, <c>series[*].value</c>); a table with none lists recent events.</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary><c>line</c>, <c>stat</c>, <c>gauge</c>, <c>bar</c> or <c>table</c>.</summary>
    public string Kind { get; set; } = PanelKinds.Line;

    /// <summary>One of <see cref="ValueFormat.Units"/>; empty shows plain numbers.</summary>
    public string Unit { get; set; } = "";

    /// <summary>Digits after the point; null picks by size.</summary>
    public int? Decimals { get; set; }

    /// <summary>The bottom of the scale (axis, gauge, bar); null fits the data, or 0 for a gauge or bar.</summary>
    public double? Min { get; set; }

    /// <summary>The top of the scale; null fits the data, or 100 for a percent gauge.</summary>
    public double? Max { get; set; }

    /// <summary>Where values turn amber and red, as on the fixed pages; null leaves them uncoloured.</summary>
    public Threshold? Thresholds { get; set; }

    /// <summary>Columns of the board's 12-column grid the panel spans.</summary>
    public int Width { get; set; } = 6;
}
