using Feeds.Hub;

namespace Feeds.Benchmarks;

/// <summary>A ticker event of the size the fan-out benchmark sends (about 200 bytes of data).</summary>
internal static class Events
{
    public const string Data =
        "{\"topic\":\"ticker/ACME\",\"ts\":1795347035954,\"symbol\":\"ACME\",\"last\":583.31,\"bid\":583.01,\"ask\":583.61," +
        "\"open\":582.09,\"high\":584.11,\"low\":581.92,\"change\":1.22,\"changePercent\":0.21,\"volume\":10700}";

    // Ids of a server that has run a while: .NET keeps strings of small numbers, which would hide the cost of the id's string.
    public static FeedEvent Quote(long id) => new(1_000_000 + id, "ticker/ACME", "quote", Data, DateTimeOffset.UnixEpoch);
}
