namespace Dashboard.Tests.Shared;

/// <summary>One dispatched event as a conforming client sees it.</summary>
public sealed record WireEvent(string Type, string Data, string LastEventId);
