namespace Dashboard.Tests.Shared;

/// <summary>
/// A stream exactly as bytes on the wire and the events the WHATWG EventSource rules
/// (html.spec.whatwg.org, "Interpreting an event stream") say it dispatches.
/// </summary>
/// <param name="Name">Names the rule under test.</param>
/// <param name="Raw">The response body, line endings and all.</param>
/// <param name="Expected">Each dispatched event: its type, data, and the last event id in force.</param>
public sealed record WireCase(string Name, string Raw, IReadOnlyList<WireEvent> Expected)
{
    public override string ToString() => Name;
}
