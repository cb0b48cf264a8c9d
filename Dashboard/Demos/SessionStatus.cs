namespace Dashboard.Demos;

/// <summary>The data of a <c>session/{id}</c> event.</summary>
/// <param name="State"><c>active</c> when signed in, <c>expired</c> when the server ended it.</param>
/// <param name="User">Who signed in.</param>
/// <param name="ExpiresAt">When it ends, Unix milliseconds.</param>
/// <param name="RemainingMs">Time left when the event was sent, so a page need not trust its own clock.</param>
public sealed record SessionStatus(string State, string User, long ExpiresAt, long RemainingMs);
