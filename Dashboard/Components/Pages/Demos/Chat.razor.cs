using Dashboard.Demos;
using Microsoft.Extensions.Options;

namespace Dashboard.Components.Pages.Demos;

/// <summary><c>/demos/chat</c>: the layout; <c>chat.js</c> holds the WebSocket, the EventSource and the posts.</summary>
public sealed partial class Chat : DemoPage
{
    private long? _backlogStart;

    private DemosOptions Settings => Services.GetRequiredService<IOptions<DemosOptions>>().Value;

    protected override string Script => "./js/demos/chat.js";

    protected override async Task OnInitializedAsync()
    {
        if (Hosted)
        {
            _backlogStart = await Services.GetRequiredService<TopicBacklog>().StartAsync(ChatRoom.Topic, ChatRoom.Backlog);
        }
    }

    protected override object?[] CreateArguments() => [Root, new { after = _backlogStart, maxLength = Settings.ChatMaxLength }];
}
