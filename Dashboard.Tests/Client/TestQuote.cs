namespace Dashboard.Tests.Client;

/// <summary>Event data the typed client tests publish and read back.</summary>
internal sealed record TestQuote(string Symbol, decimal Last);
