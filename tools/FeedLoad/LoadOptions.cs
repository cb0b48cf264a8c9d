using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FeedLoad;

/// <summary>The command line: how many connections, for how long, to which stream.</summary>
internal sealed record LoadOptions(int Clients, TimeSpan Duration, Uri Url, int Stalled = 0, int Churn = 0)
{
    public const string Usage =
        """
        FeedLoad: opens N concurrent SSE connections and checks and times every event.

          --clients N       concurrent connections (default 50)
          --seconds S       how long to measure, once every connection is open (default 20)
          --warmup S        seconds to wait after the last connection opened before measuring (default 2)
          --connect-rate P  connections opened at once while ramping up (default 200)
          --url URL         the stream, http (default http://127.0.0.1:5000/feeds/sse?topic=ticker/*&topic=clock)
          --server-pid PID  also sample the server's RSS and CPU from /proc/PID over the run
          --label TEXT      names the run in the table row printed at the end
          --idle S          instead of timing events: hold N streams open S seconds and print the
                            server's RSS before and after, per connection (needs --server-pid)
          --stalled M       also open M connections on the same stream that never read (default 0);
                            the numbers above are still those of the N healthy clients
          --churn K         instead of listening: open and close K streams, N at a time, then
                            print the server's subscriber count and memory (from /feeds/stats
                            and metrics/self)

        FeedLoad --self-test checks its HTTP and SSE reading against scripted streams, and exits.

        Exits 0 when every check passes, 1 when one fails, 2 on bad arguments.
        """;

    public static readonly LoadOptions Default =
        new(50, TimeSpan.FromSeconds(20), new Uri("http://127.0.0.1:5000/feeds/sse?topic=ticker/*&topic=clock"));

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    public int ConnectRate { get; init; } = 200;

    public int? ServerPid { get; init; }

    public string Label { get; init; } = "";

    /// <summary>Seconds to hold idle streams for the memory measurement; 0 for a normal run.</summary>
    public double IdleSeconds { get; init; }

    public static bool TryParse(string[] args, [NotNullWhen(true)] out LoadOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = Default;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                options = null;
                error = "";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                options = null;
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--clients" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var clients) && clients > 0:
                    options = options with { Clients = clients };
                    break;
                case "--seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { Duration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--warmup" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var warmup) && warmup >= 0:
                    options = options with { Warmup = TimeSpan.FromSeconds(warmup) };
                    break;
                case "--connect-rate" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0:
                    options = options with { ConnectRate = rate };
                    break;
                case "--server-pid" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0:
                    options = options with { ServerPid = pid };
                    break;
                case "--label":
                    options = options with { Label = value };
                    break;
                case "--idle" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var idle) && idle > 0:
                    options = options with { IdleSeconds = idle };
                    break;
                case "--stalled" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var stalled):
                    options = options with { Stalled = stalled };
                    break;
                case "--churn" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var churn):
                    options = options with { Churn = churn };
                    break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https":
                    options = options with { Url = url };
                    break;
                default:
                    options = null;
                    error = $"'{name} {value}' is not understood.";
                    return false;
            }
        }

        if (options.Churn == 0 && options.Url.Scheme != Uri.UriSchemeHttp)
        {
            options = null;
            error = "the streams are read off plain sockets, without TLS: --url must be http (https works with --churn only).";
            return false;
        }

        if (options.IdleSeconds > 0 && options.ServerPid is null)
        {
            options = null;
            error = "--idle measures the server's memory and needs --server-pid.";
            return false;
        }

        return true;
    }
}
