namespace Dashboard.Boards;

/// <summary>One value a panel shows: a field of a topic, or one element of a field's <c>[*]</c>, as last seen.</summary>
/// <param name="Topic">The topic the value came from.</param>
/// <param name="Field">The panel's field path that reached it.</param>
/// <param name="Element">The element's name for a path with <c>[*]</c>; null otherwise.</param>
/// <param name="Label">What the panel calls it.</param>
public sealed record PanelValue(string Topic, string Field, string? Element, string Label)
{
    /// <summary>The latest value when it was a number.</summary>
    public double? Number { get; set; }

    /// <summary>The latest value as text when it was not a number (a string, true, an object...).</summary>
    public string? Text { get; set; }

    /// <summary>True once some event carried a number here: only those are charted.</summary>
    public bool EverNumeric { get; set; }

    /// <summary>When the latest value was published, Unix milliseconds.</summary>
    public long Ts { get; set; }
}
