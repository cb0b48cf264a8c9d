using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Feeds.Transports;

/// <summary>Reads the key a request presents and checks it against configured keys.</summary>
internal static class BearerKey
{
    /// <summary>
    /// The <c>Authorization: Bearer</c> token; where <paramref name="allowQuery"/>, else the
    /// <c>access_token</c> query parameter (RFC 6750 section 2.3), since a browser's EventSource
    /// cannot set headers. Null when the request presents none.
    /// </summary>
    public static string? Read(HttpRequest request, bool allowQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return token.Length > 0 ? token : null;
        }

        if (allowQuery && request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            return query;
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="presented"/> is one of <paramref name="keys"/>. Compares hashes in
    /// fixed time, so neither a key's length nor its first differing character shows in the timing.
    /// </summary>
    public static bool Matches(string presented, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var found = false;
        foreach (var key in keys)
        {
            found |= CryptographicOperations.FixedTimeEquals(hash, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return found;
    }
}
