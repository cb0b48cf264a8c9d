using System.Globalization;
using System.Text;

namespace Dashboard.Inspector;

/// <summary>
/// An absolute http(s) URL in the one form the allow-list compares and the proxy sends: scheme
/// and host lower case (punycode for a non-ASCII host), the effective port, the path with escaped
/// unreserved characters decoded and dot segments removed. Anything whose meaning another
/// parser could read differently (backslashes, escaped slashes, user info, control characters)
/// is refused rather than guessed at, so what was checked is exactly what goes upstream.
/// </summary>
internal sealed class StreamUrl
{
    private StreamUrl(string scheme, string host, int port, string path, string query, Uri uri)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        Path = path;
        Query = query;
        Uri = uri;
    }

    public string Scheme { get; }

    /// <summary>The host as it is connected to: lower case, punycode, brackets around IPv6.</summary>
    public string Host { get; }

    public int Port { get; }

    /// <summary>Starts with <c>/</c>; only reserved and non-ASCII characters stay escaped, with upper-case hex.</summary>
    public string Path { get; }

    /// <summary>Empty, or the query with its leading <c>?</c>, as escaped as it came.</summary>
    public string Query { get; }

    /// <summary>The URL to send: built from the parts above, and checked to mean the same.</summary>
    public Uri Uri { get; }

    public static bool TryParse(string? text, out StreamUrl url, out string problem)
    {
        url = default!;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "no URL was given";
            return false;
        }

        if (text.Any(c => c == '\\' || char.IsControl(c) || c == ' '))
        {
            problem = "the URL holds a backslash, a space or a control character";
            return false;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            problem = "it is not an absolute http or https URL";
            return false;
        }

        if (parsed.UserInfo.Length > 0 || Authority(text).Contains('@', StringComparison.Ordinal))
        {
            problem = "the URL names a user (user@host)";
            return false;
        }

        if (!TryNormalizePath(parsed.AbsolutePath, out var path))
        {
            problem = "its path holds an escaped slash or backslash, or a broken escape";
            return false;
        }

        var host = parsed.HostNameType == UriHostNameType.IPv6 ? parsed.Host.ToLowerInvariant() : parsed.IdnHost.ToLowerInvariant();
        var query = parsed.Query;
        var built = new Uri($"{parsed.Scheme}://{host}:{parsed.Port.ToString(CultureInfo.InvariantCulture)}{path}{query}", UriKind.Absolute);

        // Uri has its own notion of normal; if it would send something other than what was checked, refuse.
        if (!string.Equals(built.AbsolutePath, path, StringComparison.Ordinal) || built.Port != parsed.Port
            || !string.Equals(built.IdnHost, parsed.IdnHost, StringComparison.OrdinalIgnoreCase) || !string.Equals(built.Query, query, StringComparison.Ordinal))
        {
            problem = "it does not keep one meaning once normalised";
            return false;
        }

        url = new StreamUrl(parsed.Scheme, host, parsed.Port, path, query, built);
        problem = "";
        return true;
    }

    /// <summary>
    /// Whether this URL lies under <paramref name="prefix"/>: same scheme, host and port, and a path
    /// equal to the prefix's or below it on a segment boundary (<c>/feeds</c> and <c>/feeds/</c>
    /// both cover <c>/feeds/sse</c>, neither covers <c>/feedsX</c>).
    /// </summary>
    public bool IsUnder(StreamUrl prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (!string.Equals(Scheme, prefix.Scheme, StringComparison.Ordinal) || !string.Equals(Host, prefix.Host, StringComparison.Ordinal) || Port != prefix.Port)
        {
            return false;
        }

        if (prefix.Path.EndsWith('/'))
        {
            return Path.StartsWith(prefix.Path, StringComparison.Ordinal);
        }

        return string.Equals(Path, prefix.Path, StringComparison.Ordinal)
            || (Path.StartsWith(prefix.Path, StringComparison.Ordinal) && Path[prefix.Path.Length] == '/');
    }

    public override string ToString() => Uri.AbsoluteUri;

    /// <summary>The raw text between <c>://</c> and the path, as the caller wrote it.</summary>
    private static string Authority(string text)
    {
        var start = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = text.IndexOfAny(['/', '?', '#'], start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>RFC 3986: decode escaped unreserved characters (6.2.2.2), then remove dot segments (5.2.4).</summary>
    private static bool TryNormalizePath(string escaped, out string path)
    {
        path = "";
        var decoded = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '%')
            {
                decoded.Append(c);
                continue;
            }

            if (i + 2 >= escaped.Length || !byte.TryParse(escaped.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            var character = (char)value;
            if (character is '/' or '\\')
            {
                // An escaped slash is one segment to us and two to a server that decodes it.
                return false;
            }

            if (char.IsAsciiLetterOrDigit(character) || character is '-' or '.' or '_' or '~')
            {
                decoded.Append(character);
            }
            else
            {
                decoded.Append('%').Append(value.ToString("X2", CultureInfo.InvariantCulture));
            }

            i += 2;
        }

        path = RemoveDotSegments(decoded.ToString());
        return path.StartsWith('/');
    }

    private static string RemoveDotSegments(string path)
    {
        var output = new List<string>();
        var segments = path.Split('/');

        // segments[0] is the empty text before the leading slash.
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add("");
                }
            }
            else if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add("");
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        return "/" + string.Join('/', output);
    }
}
