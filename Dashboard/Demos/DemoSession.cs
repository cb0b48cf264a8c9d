namespace Dashboard.Demos;

/// <summary>A demo sign-in.</summary>
/// <param name="Id">Random and unguessable; the topic is <c>session/{Id}</c>.</param>
/// <param name="Topic">The topic its status is pushed on.</param>
/// <param name="User">The name given.</param>
/// <param name="ExpiresAt">When the server ends it.</param>
/// <param name="SignedInEventId">The id of its first status event; a reader resumes just before it so it misses nothing.</param>
public sealed record DemoSession(string Id, string Topic, string User, DateTimeOffset ExpiresAt, long SignedInEventId);
