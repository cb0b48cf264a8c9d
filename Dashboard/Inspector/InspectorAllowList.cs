using Dashboard.Options;
using Microsoft.Extensions.Options;

namespace Dashboard.Inspector;

/// <summary><c>Dashboard:Inspector:AllowedUrls</c>, normalised once the way every requested URL is.</summary>
internal sealed class InspectorAllowList(IOptions<DashboardOptions> options)
{
    // The validator has refused any prefix that does not parse before anything reads this.
    private readonly IReadOnlyList<StreamUrl> _prefixes =
        [.. options.Value.Inspector.AllowedUrls.Select(p => StreamUrl.TryParse(p, out var url, out _) ? url : null).OfType<StreamUrl>()];

    /// <summary>The URL to send upstream if <paramref name="text"/> lies under an allowed prefix; else null and why.</summary>
    public StreamUrl? Check(string? text, out string problem)
    {
        if (!StreamUrl.TryParse(text, out var url, out problem))
        {
            return null;
        }

        if (!_prefixes.Any(url.IsUnder))
        {
            problem = $"{url} is not under any of Dashboard:Inspector:AllowedUrls";
            return null;
        }

        return url;
    }
}
