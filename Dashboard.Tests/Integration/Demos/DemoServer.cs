namespace Dashboard.Tests.Integration.Demos;

/// <summary>Starts a <see cref="DashboardServer"/> of its own with the given settings, for a test that changes them.</summary>
internal static class DemoServer
{
    public static async Task<DashboardServer> StartAsync(params string[] arguments)
    {
        var server = new DashboardServer();
        foreach (var argument in arguments)
        {
            server.Arguments.Add(argument);
        }

        await server.InitializeAsync();
        return server;
    }

    public static HttpClient Client(this DashboardServer server) =>
        new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
}
