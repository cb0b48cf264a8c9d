namespace Dashboard.Components.Controls;

/// <summary>
/// What the viewer chose for the page in front of them (one per circuit): paused or live, and
/// the time window of the charts. Live components read it; the toolbar and the keyboard change it.
/// </summary>
public sealed class PageControls
{
    /// <summary>Raised on the circuit after any change.</summary>
    public event Action? Changed;

    /// <summary>
    /// True while the viewer holds the page still (WCAG 2.2.2): events keep arriving and wait,
    /// nothing on the page moves until <see cref="Resume"/> applies them.
    /// </summary>
    public bool Paused { get; private set; }

    /// <summary>When the page was paused, for the notice that says so.</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    public TimeWindow Window { get; private set; } = TimeWindow.Default;

    public void Pause(DateTimeOffset now)
    {
        if (!Paused)
        {
            Paused = true;
            PausedAt = now;
            Changed?.Invoke();
        }
    }

    public void Resume()
    {
        if (Paused)
        {
            Paused = false;
            PausedAt = null;
            Changed?.Invoke();
        }
    }

    public void TogglePause(DateTimeOffset now)
    {
        if (Paused)
        {
            Resume();
        }
        else
        {
            Pause(now);
        }
    }

    public void ChooseWindow(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window != Window)
        {
            Window = window;
            Changed?.Invoke();
        }
    }
}
