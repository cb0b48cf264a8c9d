namespace Dashboard.Demos;

/// <summary>One chat line as it travels on <c>chat/lobby</c>: who, what, and which way it came in.</summary>
/// <param name="Author">The name the sender gave, cleaned and shortened.</param>
/// <param name="Text">The message, cleaned; pages must still show it as text, never as markup.</param>
/// <param name="Via"><c>ws</c>, <c>post</c> or <c>bot</c>.</param>
public sealed record ChatMessage(string Author, string Text, string Via);
