using MudBlazor;

namespace Dashboard.Components.Pages.Demos;

/// <summary>The demos the <c>/demos</c> index lists, in the order a learner might take them.</summary>
internal static class DemoCatalog
{
    public static IReadOnlyList<DemoCard> All { get; } =
    [
        new("/demos/raw.html", "Raw EventSource", Icons.Material.Filled.DataObject,
            "A plain HTML page with a few lines of JavaScript: it opens an EventSource and prints every event field by field.",
            "the event, id and data of each event, exactly as the browser receives them; no framework in the way."),
        new("/demos/lifecycle", "Stream lifecycle", Icons.Material.Filled.Timer,
            "The server's clock, one event a second, in a stream the server ends after N events with an end event. Or close it from the browser.",
            "the browser's readyState beside the server's own log of the stream, and the reason it ended: maxEvents reached, or the client went away."),
        new("/demos/text", "Streaming text", Icons.Material.Filled.Notes,
            "A paragraph streamed word by word or sentence by sentence, the way chat assistants answer, with cancel and restart.",
            "the server stopping the moment you cancel, and each piece's id, which lets a dropped stream carry on where it left off."),
        new("/demos/chat", "Chat: WebSocket, and POST + SSE", Icons.Material.Filled.Forum,
            "One chat room joined over a WebSocket, and over EventSource with a POST for sending. Open it in two windows.",
            "a message typed in one window arriving in the other both ways, and the WebSocket's echo of your own frame."),
        new("/demos/notifications", "Notifications", Icons.Material.Filled.NotificationsActive,
            "Alerts from the alerts topic shown as system notifications once you allow them, as in-page toasts until then.",
            "the permission prompt, and a test alert reaching every page that listens to the topic."),
        new("/demos/lockscreen", "Lock screen", Icons.Material.Filled.LockClock,
            "A demo sign-in that the server expires; the page listens to the session's own topic and locks when told.",
            "the page locking without ever asking the server: the expiry is pushed."),
        new("/transports", "SSE, WebSocket and long polling side by side", Icons.Material.Filled.CompareArrows,
            "The same feed over all three transports at once, measured in the browser, with a button to cut each connection.",
            "latency, bytes and overhead per message for each, and how each one comes back and resumes after a cut."),
        new("/inspector", "SSE inspector", Icons.Material.Filled.ManageSearch,
            "Any of this server's streams, frame by frame, raw and parsed, with the time between events and every reconnect.",
            "the retry line, heartbeat comments, ids, and the Last-Event-ID sent when the stream comes back."),
    ];
}
