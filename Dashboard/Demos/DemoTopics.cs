using Feeds.Hub;

namespace Dashboard.Demos;

/// <summary>Declares the demos' fixed topics at start, so a page can subscribe before the first message.</summary>
internal sealed class DemoTopics(TopicCatalog catalog) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.TryDeclare(new TopicInfo(ChatRoom.Topic, ChatRoom.EventType,
            "The demo chat room: messages posted over WebSocket, POST, and by the house bot.", ["author", "text", "via"], 0));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
