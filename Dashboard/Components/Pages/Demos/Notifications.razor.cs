using Dashboard.Demos;
using Feeds.Options;

namespace Dashboard.Components.Pages.Demos;

/// <summary><c>/demos/notifications</c>: the layout; <c>notifications.js</c> listens, asks permission and notifies.</summary>
public sealed partial class Notifications : DemoPage
{
    /// <summary>Earlier alerts listed when the page opens (not notified again).</summary>
    private const int Backlog = 5;

    private long? _backlogStart;
    private long? _newest;

    protected override string Script => "./js/demos/notifications.js";

    protected override async Task OnInitializedAsync()
    {
        if (Hosted)
        {
            var backlog = Services.GetRequiredService<TopicBacklog>();
            _backlogStart = await backlog.StartAsync(PublishOptions.AlertsTopic, Backlog);
            _newest = await backlog.NewestAsync(PublishOptions.AlertsTopic);
        }
    }

    protected override object?[] CreateArguments() => [Root, new { after = _backlogStart, newest = _newest }];
}
