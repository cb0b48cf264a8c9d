namespace Dashboard.Components.Widgets;

/// <summary>
/// Lets a cell flash fewer than three times a second (WCAG 2.3.1's three-flash threshold),
/// however fast its value changes: a change inside the gap updates the value and its colour,
/// not the flash.
/// </summary>
internal sealed class FlashGate
{
    /// <summary>
    /// Not 333 ms: renders leave the server at uneven times and reach the browser unevenly, and
    /// four flashes 333 ms apart on the server were measured arriving within one second.
    /// </summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(400);

    private DateTimeOffset? _last;

    public bool TryFlash(DateTimeOffset now)
    {
        if (_last is { } last && now - last < MinimumGap)
        {
            return false;
        }

        _last = now;
        return true;
    }
}
