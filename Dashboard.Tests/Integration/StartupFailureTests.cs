using System.Net;
using System.Net.Sockets;
using Dashboard.Tests.Shared;

namespace Dashboard.Tests.Integration;

/// <summary>The real executable started wrongly, as an operator might: it stops at once with one line that says what to fix.</summary>
[Trait("Tier", "Server")]
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("--Feeds:Ticker:IntervalMs=0", "Feeds:Ticker:IntervalMs")]
    [InlineData("--Dashboard:RenderIntervalMs=1", "Dashboard:RenderIntervalMs")]
    [InlineData("--Feeds:Backplane:Kind=Redis", "Feeds:Backplane:Kind")]
    [InlineData("--Dashboard:Boards:ops:Panels:2:Kind=pie", "Dashboard:Boards:ops:Panels:2:Kind")]
    [InlineData("--Dashboard:Boards:ops:Panels:0:Fields:0=series[*].x[*]", "Dashboard:Boards:ops:Panels:0:Fields:0")]
    public async Task Run_BadOption_ExitsOneWithALineNamingTheKey(string argument, string key)
    {
        var (exitCode, lines) = await DashboardProcess.RunToExitAsync(argument);

        Assert.True(exitCode == 1, $"Exited with {exitCode}:\n{string.Join('\n', lines)}");
        Assert.InRange(lines.Count, 1, 3);
        Assert.Contains(lines, line => line.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_MalformedConnectionString_ExitsOneNamingConnectionStringsFeeds()
    {
        var (exitCode, lines) = await DashboardProcess.RunToExitAsync(
            "--Feeds:Backplane:Kind=Postgres", "--ConnectionStrings:Feeds=hots=127.0.0.1;Username=feeds;Password=secret");

        Assert.True(exitCode == 1, $"Exited with {exitCode}:\n{string.Join('\n', lines)}");
        var line = Assert.Single(lines);
        Assert.Contains("ConnectionStrings:Feeds", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PortInUse_ExitsOneWithOneLineAndNothingProduced()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, lines) = await DashboardProcess.RunToExitAsync($"--urls=http://127.0.0.1:{port}");

        // One line and nothing else: no producer announced itself or published, no second exception.
        Assert.True(exitCode == 1, $"Exited with {exitCode}:\n{string.Join('\n', lines)}");
        var line = Assert.Single(lines);
        Assert.Contains("Urls", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
    }
}
