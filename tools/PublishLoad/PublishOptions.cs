using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PublishLoad;

/// <summary>The command line: where to post, with which key, how many at once, for how long.</summary>
internal sealed record PublishOptions(Uri Url, string Key, int Concurrency, TimeSpan Duration)
{
    public const string Usage =
        """
        PublishLoad: posts small JSON events to POST /feeds/publish/{topic} as fast as the server
        takes them, from C concurrent senders, and reports events accepted per second and the
        latency of each post. Pair it with FeedLoad on the same topic (on this or another
        instance) to measure publish-to-receive latency.

          --url URL          the publish endpoint (default http://127.0.0.1:5000/feeds/publish/bench?type=tick)
          --key KEY          a key from Feeds:Publish:ApiKeys (required)
          --concurrency C    posts in flight at once (default 16)
          --seconds S        how long to post (default 20)

        Exits 0 when every post was accepted, 1 when one was not, 2 on bad arguments.
        """;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out PublishOptions? options, out string error)
    {
        var url = new Uri("http://127.0.0.1:5000/feeds/publish/bench?type=tick");
        string? key = null;
        var concurrency = 16;
        var seconds = 20.0;
        options = null;
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help" || i + 1 >= args.Length)
            {
                error = args[i] is "-h" or "--help" ? "" : $"{args[i]} needs a value.";
                return false;
            }

            var value = args[++i];
            var understood = args[i - 1] switch
            {
                "--url" => Uri.TryCreate(value, UriKind.Absolute, out url!),
                "--key" => (key = value).Length > 0,
                "--concurrency" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out concurrency) && concurrency > 0,
                "--seconds" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds > 0,
                _ => false,
            };
            if (!understood)
            {
                error = $"'{args[i - 1]} {value}' is not understood.";
                return false;
            }
        }

        if (key is null)
        {
            error = "--key is required.";
            return false;
        }

        options = new PublishOptions(url, key, concurrency, TimeSpan.FromSeconds(seconds));
        return true;
    }
}
