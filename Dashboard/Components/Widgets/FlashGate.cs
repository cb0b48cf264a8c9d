namespace Dashboard.Components.Widgets;

/// <summary>
/// Lets a cell flash at most three times a second (WCAG 2.3.1's three-flash threshold), however
/// fast its value changes: a change inside the gap updates the value and its colour, not the flash.
/// </summary>
internal sealed class FlashGate
{
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(1000.0 / 3);

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
