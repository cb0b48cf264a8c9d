using System.Globalization;

namespace Dashboard.Components.Widgets;

/// <summary>
/// Which way a figure moved over its own span (the last trade, the session, the line drawn):
/// the one meaning every arrow, sign and colour on the ticker has. Judged on the figure as
/// shown, so "0.00" is never green.
/// </summary>
public enum Direction
{
    Flat,
    Up,
    Down,
}

/// <summary>How a <see cref="Direction"/> looks: its CSS class, arrow and signed figure.</summary>
public static class Directions
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The direction of <paramref name="value"/> rounded to what two decimals show.</summary>
    public static Direction Of(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) switch
    {
        > 0 => Direction.Up,
        < 0 => Direction.Down,
        _ => Direction.Flat,
    };

    /// <summary><c>up</c>, <c>down</c> or <c>flat</c>: the colour.</summary>
    public static string CssClass(this Direction direction) => direction switch
    {
        Direction.Up => "up",
        Direction.Down => "down",
        _ => "flat",
    };

    /// <summary>▲, ▼ or nothing.</summary>
    public static string Arrow(this Direction direction) => direction switch
    {
        Direction.Up => "▲",
        Direction.Down => "▼",
        _ => "",
    };

    /// <summary>Two decimals with a plus or minus, and no sign at zero.</summary>
    public static string Signed(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("+0.00;-0.00;0.00", Culture);
}
