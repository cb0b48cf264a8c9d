using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Controls;

/// <summary>
/// The controls of a live page: Pause/Resume (WCAG 2.2.2, moving content can be stopped) and,
/// where the page has charts, the time window. A page opens live: a pause belongs to the page
/// it was made on.
/// </summary>
public sealed partial class LiveToolbar : ComponentBase, IDisposable
{
    [Inject]
    private PageControls Controls { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>Whether to offer the time windows; pages without charts over time leave it off.</summary>
    [Parameter]
    public bool ShowWindows { get; set; } = true;

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            Controls.Resume();
        }

        Controls.Changed += OnChanged;
    }

    public void Dispose() => Controls.Changed -= OnChanged;

    private bool Interactive => RendererInfo.IsInteractive;

    private void TogglePause() => Controls.TogglePause(Time.GetUtcNow());

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);
}
