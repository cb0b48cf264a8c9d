using Dashboard.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Relay;

/// <summary>
/// Where the relay reads feeds: <c>Dashboard:FeedsUrl</c>, or this server's own first address
/// when the feeds are hosted in-process. Going through HTTP even then keeps one code path, and is
/// what lets a dashboard point at a feeds server on another machine.
/// </summary>
internal sealed class FeedsAddress(IOptions<DashboardOptions> options, IServer server)
{
    private Uri? _baseUri;

    public Uri BaseUri => _baseUri ??= Resolve();

    private Uri Resolve()
    {
        var configured = options.Value.FeedsUrl;
        if (configured.Length > 0)
        {
            return new Uri(configured.EndsWith('/') ? configured : configured + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server has no addresses yet; the relay opens after the server has started.");
        var first = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.First();

        // A wildcard binding is not an address to connect to; loopback reaches the same listener.
        var builder = new UriBuilder(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
        builder.Path = "/";
        return builder.Uri;
    }
}
