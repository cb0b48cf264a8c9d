namespace Dashboard.Components.Pages.Demos;

/// <summary><c>/demos/text</c>: the layout; <c>text.js</c> streams, cancels and restarts in the browser.</summary>
public sealed partial class Text : DemoPage
{
    protected override string Script => "./js/demos/text.js";
}
