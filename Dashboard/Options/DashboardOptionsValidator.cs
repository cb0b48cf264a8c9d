using Microsoft.Extensions.Options;

namespace Dashboard.Options;

/// <summary>Checks the <c>Dashboard</c> section at start; every failure names the key to fix.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var failures = new List<string>();
        if (options.FeedsUrl.Length > 0
            && (!Uri.TryCreate(options.FeedsUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"Dashboard:FeedsUrl must be an absolute http(s) URL or empty (was '{options.FeedsUrl}').");
        }

        if (options.RenderIntervalMs is < 50 or > 10_000)
        {
            failures.Add($"Dashboard:RenderIntervalMs must be between 50 and 10000 (was {options.RenderIntervalMs}).");
        }

        if (options.WindowMinutes is < 1 or > 24 * 60)
        {
            failures.Add($"Dashboard:WindowMinutes must be between 1 and 1440 (was {options.WindowMinutes}).");
        }

        if (options.DetailMinutes is < 1 or > 24 * 60)
        {
            failures.Add($"Dashboard:DetailMinutes must be between 1 and 1440 (was {options.DetailMinutes}).");
        }

        if (options.MaxEventsPerTopic is < 10 or > 1_000_000)
        {
            failures.Add($"Dashboard:MaxEventsPerTopic must be between 10 and 1000000 (was {options.MaxEventsPerTopic}).");
        }

        foreach (var (metric, threshold) in options.Thresholds)
        {
            if (threshold.Warning > threshold.Critical)
            {
                failures.Add($"Dashboard:Thresholds:{metric}: Warning ({threshold.Warning}) must not be above Critical ({threshold.Critical}).");
            }
        }

        if (options.Kiosk.RotateSeconds is < 0 or > 24 * 3600)
        {
            failures.Add($"Dashboard:Kiosk:RotateSeconds must be between 0 and 86400 (was {options.Kiosk.RotateSeconds}).");
        }

        for (var i = 0; i < options.Kiosk.Pages.Count; i++)
        {
            if (!options.Kiosk.Pages[i].StartsWith('/') || options.Kiosk.Pages[i].StartsWith("//", StringComparison.Ordinal))
            {
                failures.Add($"Dashboard:Kiosk:Pages:{i} must be a path on this dashboard such as /monitoring (was '{options.Kiosk.Pages[i]}').");
            }
        }

        for (var i = 0; i < options.WorldClocks.Count; i++)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.WorldClocks[i], out _))
            {
                failures.Add($"Dashboard:WorldClocks:{i} '{options.WorldClocks[i]}' is not a known time zone.");
            }
        }

        for (var i = 0; i < options.Inspector.AllowedUrls.Count; i++)
        {
            // A prefix must reach past the host, or "http://a" would also allow "http://a.evil.example".
            var prefix = options.Inspector.AllowedUrls[i];
            if (!Uri.TryCreate(prefix, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !prefix.StartsWith(uri.GetLeftPart(UriPartial.Authority) + "/", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"Dashboard:Inspector:AllowedUrls:{i} '{prefix}' must be an absolute http(s) URL with a path, e.g. https://feeds.example.com/events.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
