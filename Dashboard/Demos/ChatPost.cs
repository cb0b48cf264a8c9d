namespace Dashboard.Demos;

/// <summary>The body of <c>POST /demos/chat/messages</c>, and of each text frame on the chat WebSocket.</summary>
/// <param name="Author">The sender's name; blank becomes <c>guest</c>.</param>
/// <param name="Text">The message.</param>
public sealed record ChatPost(string? Author, string? Text);
