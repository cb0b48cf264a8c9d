namespace Dashboard.Components.Pages.Demos;

/// <summary><c>/demos/notifications</c>: the layout; <c>notifications.js</c> listens, asks permission and notifies.</summary>
public sealed partial class Notifications : DemoPage
{
    protected override string Script => "./js/demos/notifications.js";
}
