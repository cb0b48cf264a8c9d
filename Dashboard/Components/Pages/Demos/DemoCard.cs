namespace Dashboard.Components.Pages.Demos;

/// <summary>One demo as the <c>/demos</c> index lists it.</summary>
/// <param name="Path">Where it lives.</param>
/// <param name="Title">Its name.</param>
/// <param name="Icon">A Material icon as SVG markup, one of MudBlazor's <c>Icons.Material.Filled</c>.</param>
/// <param name="Summary">What it is, in a sentence or two.</param>
/// <param name="LookFor">What to watch for while it runs.</param>
public sealed record DemoCard(string Path, string Title, string Icon, string Summary, string LookFor);
