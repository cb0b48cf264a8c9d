namespace Dashboard.Demos;

/// <summary>The <c>Dashboard:Demos</c> section: the teaching demos' timings and limits.</summary>
public sealed class DemosOptions
{
    public const string SectionName = "Dashboard:Demos";

    /// <summary>How long a demo sign-in lasts on <c>/demos/lockscreen</c> before the server expires it.</summary>
    public int SessionSeconds { get; set; } = 60;

    /// <summary>Demo sessions open at once; past it sign-ins are refused.</summary>
    public int MaxSessions { get; set; } = 1000;

    /// <summary>How often the house bot speaks in the chat room.</summary>
    public int ChatBotSeconds { get; set; } = 8;

    /// <summary>The longest chat message, in characters.</summary>
    public int ChatMaxLength { get; set; } = 280;

    /// <summary>Chat messages and test alerts one client address may post per minute.</summary>
    public int PostsPerMinute { get; set; } = 30;

    /// <summary>Frames one chat WebSocket may send per second, of any kind; past it the socket is closed with 1008.</summary>
    public int SocketMessagesPerSecond { get; set; } = 10;

    /// <summary>The pause between two tokens of the streamed paragraph on <c>/demos/text</c>.</summary>
    public int TextTokenMs { get; set; } = 60;
}
