using System.Net.WebSockets;
using System.Text.Json;
using Dashboard.Demos;
using Dashboard.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Tests.Integration.Demos;

/// <summary>
/// The chat socket is subscribed before the client sees it open: a message published at that
/// moment reaches it. Subscribing after the upgrade lost it, and made
/// <c>ChatSocketTests.Socket_SendMessage_EchoThenRoomDeliversItToAnotherSocket</c> flaky.
/// </summary>
[Trait("Tier", "Server")]
public sealed class ChatSocketSubscribeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>DemosLog.SocketOpened, logged once the upgrade has been answered.</summary>
    private const int SocketOpenedEventId = 6002;

    [Fact]
    public async Task Socket_MessagePublishedJustAfterTheUpgrade_Delivered()
    {
        // Arrange: the chat endpoints on a real server, held at the moment the upgrade has been answered.
        using var pause = new LogPause(SocketOpenedEventId);
        await using var server = await FeedsServer.StartAsync(
            new Dictionary<string, string?> { ["Dashboard:Demos:ChatBotSeconds"] = "3600" },
            configureBuilder: builder =>
            {
                builder.AddDemos();
                builder.Logging.AddProvider(pause);
            },
            configureApp: app => app.MapDemos());
        using var socket = new ClientWebSocket();
        using var deadline = new CancellationTokenSource(Patience);
        var connecting = socket.ConnectAsync(new UriBuilder(new Uri(server.BaseAddress, "/demos/chat/ws")) { Scheme = "ws" }.Uri, deadline.Token);

        // Act: a message is published while the server stands between the upgrade and whatever follows it.
        await pause.Reached.WaitAsync(Patience);
        await connecting;
        var room = server.Services.GetRequiredService<ChatRoom>();
        var posted = await room.PostAsync(new ChatPost("alice", "said as bob's socket opened"), "post");
        pause.Release();

        // Assert
        var message = await ReceiveMessageAsync(socket, deadline.Token);
        Assert.Equal(posted.Event!.Id, message.GetProperty("id").GetInt64());
        Assert.Equal("said as bob's socket opened", message.GetProperty("data").GetProperty("text").GetString());
    }

    private static Task<JsonElement> ReceiveMessageAsync(ClientWebSocket socket, CancellationToken cancellationToken) =>
        ChatFrames.NextWhereAsync(socket, frame => frame.GetProperty("kind").GetString() == "message", cancellationToken);
}
