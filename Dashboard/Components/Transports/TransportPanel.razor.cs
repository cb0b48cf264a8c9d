using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Transports;

/// <summary>A card for one transport on /transports; the browser script fills and updates it.</summary>
public sealed partial class TransportPanel : ComponentBase
{
    /// <summary>The transport the script runs in this card: <c>sse</c>, <c>ws</c> or <c>poll</c>.</summary>
    [Parameter, EditorRequired]
    public string Key { get; set; } = "";

    /// <summary>The card's heading.</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>A sentence on how this transport pushes.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    // The script owns every number in the card from the first render on.
    protected override bool ShouldRender() => false;
}
