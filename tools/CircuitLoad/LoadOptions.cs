using System.Globalization;
using System.Net;

namespace CircuitLoad;

/// <summary>The command line of the circuit load tool.</summary>
internal sealed record LoadOptions(Uri Url, int Circuits, int RampPerSecond, int SettleSeconds, int Seconds, int? ServerPid)
{
    public const string Usage = """
        CircuitLoad: N real Blazor Server circuits on a page of a running dashboard, measured.
          --url URL          page to open (default http://127.0.0.1:5000/); loopback only
          --circuits N       circuits to open (default 100); 0 measures the idle server
          --ramp N           circuits started per second (default 50)
          --settle S         seconds to wait after the last circuit started, before measuring (default 10)
          --seconds S        measured seconds (default 30)
          --server-pid PID   the dashboard's process, for CPU and memory from /proc
        """;

    public static LoadOptions Parse(string[] args)
    {
        var url = new Uri("http://127.0.0.1:5000/");
        int circuits = 100, ramp = 50, settle = 10, seconds = 30;
        int? pid = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--url": url = new Uri(Next()); break;
                case "--circuits": circuits = NextInt(); break;
                case "--ramp": ramp = NextInt(); break;
                case "--settle": settle = NextInt(); break;
                case "--seconds": seconds = NextInt(); break;
                case "--server-pid": pid = NextInt(); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        // A load tool aims only at this machine.
        if (!url.IsLoopback && !(IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            throw new ArgumentException($"--url must be a loopback address (was {url.Host})");
        }

        if (circuits < 0 || ramp < 1 || settle < 0 || seconds is < 1 or > 3600)
        {
            throw new ArgumentException("--circuits >= 0, --ramp >= 1, --settle >= 0, 1 <= --seconds <= 3600");
        }

        return new LoadOptions(url, circuits, ramp, settle, seconds, pid);
    }
}
