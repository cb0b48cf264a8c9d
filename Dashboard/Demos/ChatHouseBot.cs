using Feeds.Backplane;
using Microsoft.Extensions.Options;

namespace Dashboard.Demos;

/// <summary>
/// Posts in the chat room now and then, so a page opened on an empty room is visibly live; with
/// several instances only the leader's bot speaks.
/// </summary>
internal sealed class ChatHouseBot(ChatRoom room, IFeedLeadership leadership, IOptions<DemosOptions> options, TimeProvider time, ILogger<ChatHouseBot> logger) : BackgroundService
{
    public const string Name = "house bot";

    private static readonly string[] Lines =
    [
        "Welcome! Messages here travel as events on the chat/lobby topic.",
        "Tip: open this page in a second window and say hello to yourself.",
        "The WebSocket side sends and receives on one connection.",
        "The SSE side reads with EventSource and writes with an ordinary POST.",
        "Every message has an id; reload the page and the last few come back: it opens its streams after an id chosen by the server, as ?lastEventId= (SSE) and ?after= (WebSocket).",
        "Close your laptop lid: EventSource reconnects by itself and resumes after the last id it saw.",
    ];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunWhileLeadingAsync(SpeakAsync, stoppingToken);

    private async Task SpeakAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ChatBotSeconds), time);
        var next = 0;
        try
        {
            do
            {
                var clock = time.GetLocalNow().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                var line = next % 2 == 0 ? Lines[next / 2 % Lines.Length] : $"The server clock says {clock}.";
                next++;
                try
                {
                    await room.PostAsync(new ChatPost(Name, line), "bot", stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    DemosLog.BotFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
