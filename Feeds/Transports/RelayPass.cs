using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Feeds.Transports;

/// <summary>
/// A secret drawn at random when the process starts, which the hosting app's own relay sends in
/// <see cref="HeaderName"/> when it reads these feeds over loopback. Streams that present it are
/// outside the stream limits: the relay opens a fixed few streams that every page depends on, and
/// must not be refused because a client on the same address (127.0.0.1, where the relay connects
/// from) has used up that address's allowance. An address can be shared and a header can be
/// forged; a value never sent anywhere else, and compared in fixed time, cannot be guessed.
/// </summary>
public sealed class RelayPass
{
    public const string HeaderName = "Feeds-Relay-Pass";

    public RelayPass() => Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The secret; give it only to an HTTP client that connects to this process.</summary>
    public string Value { get; }

    internal bool IsPresentedBy(HttpContext context) =>
        context.Request.Headers[HeaderName].ToString() is { Length: > 0 } presented && BearerKey.Matches(presented, [Value]);
}
