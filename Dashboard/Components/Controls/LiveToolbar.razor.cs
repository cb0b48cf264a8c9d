using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Controls;

/// <summary>
/// The controls of a live page: Pause/Resume (WCAG 2.2.2, moving content can be stopped) and,
/// where the page has charts, the time window. Both live in the address (<c>?window=15m</c>,
/// <c>?paused=1</c>), so a reload or a link opens the page as it was left; without them a page
/// opens live, in the window last chosen on this circuit.
/// </summary>
public sealed partial class LiveToolbar : ComponentBase, IDisposable
{
    internal const string WindowKey = "window";
    internal const string PausedKey = "paused";

    [Inject]
    private PageControls Controls { get; set; } = default!;

    [Inject]
    private UrlState Url { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>Whether to offer the time windows; pages without charts over time leave it off.</summary>
    [Parameter]
    public bool ShowWindows { get; set; } = true;

    protected override void OnInitialized()
    {
        if (ShowWindows && TimeWindow.FromQuery(Url.Get(WindowKey)) is { } window)
        {
            Controls.ChooseWindow(window);
        }

        if (RendererInfo.IsInteractive)
        {
            if (Url.Get(PausedKey) is "1" or "true")
            {
                Controls.Pause(Time.GetUtcNow());
            }
            else
            {
                Controls.Resume();
            }
        }

        Controls.Changed += OnChanged;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // A window kept from another page of this circuit goes into this page's address too.
        if (firstRender && RendererInfo.IsInteractive)
        {
            WriteUrl();
        }
    }

    public void Dispose() => Controls.Changed -= OnChanged;

    private bool Interactive => RendererInfo.IsInteractive;

    private void TogglePause() => Controls.TogglePause(Time.GetUtcNow());

    private void OnChanged() => _ = InvokeAsync(() =>
    {
        WriteUrl();
        StateHasChanged();
    });

    private void WriteUrl()
    {
        if (ShowWindows)
        {
            Url.Set(WindowKey, Controls.Window == TimeWindow.Default ? null : Controls.Window.Query);
        }

        Url.Set(PausedKey, Controls.Paused ? "1" : null);
    }
}
