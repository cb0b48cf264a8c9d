namespace FeedLoad;

/// <summary>The server's memory and CPU over a run: before any connection opened, and at the measured window's start and end.</summary>
internal sealed record ServerUsage(ProcessSample BeforeConnecting, ProcessSample WindowStart, ProcessSample WindowEnd)
{
    public double CpuPercent => ProcessSample.CpuPercent(WindowStart, WindowEnd);

    public double RssMb => WindowEnd.RssBytes / 1024d / 1024d;

    /// <summary>What each connection added to the server's resident memory, in KB.</summary>
    public double RssKbPerConnection(int connections) =>
        connections == 0 ? double.NaN : (WindowEnd.RssBytes - BeforeConnecting.RssBytes) / 1024d / connections;
}
