using Dashboard.Inspector;
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

        ValidateInspector(options.Inspector, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateInspector(InspectorOptions inspector, List<string> failures)
    {
        for (var i = 0; i < inspector.AllowedUrls.Count; i++)
        {
            // The prefixes are compared in the proxy's normal form, so they must have one: a path, and no query.
            var prefix = inspector.AllowedUrls[i];
            if (!StreamUrl.TryParse(prefix, out var url, out var problem) || url.Query.Length > 0 || !HasPath(prefix))
            {
                var why = url is null ? problem : "it has no path or has a query";
                failures.Add($"Dashboard:Inspector:AllowedUrls:{i} '{prefix}' must be an absolute http(s) URL with a path and no query, e.g. https://feeds.example.com/events ({why}).");
            }
        }

        Range(failures, "Dashboard:Inspector:ConnectTimeoutSeconds", inspector.ConnectTimeoutSeconds, 1, 300);
        Range(failures, "Dashboard:Inspector:FirstByteTimeoutSeconds", inspector.FirstByteTimeoutSeconds, 1, 300);
        Range(failures, "Dashboard:Inspector:IdleTimeoutSeconds", inspector.IdleTimeoutSeconds, 1, 3600);
        Range(failures, "Dashboard:Inspector:MaxStreamsPerClient", inspector.MaxStreamsPerClient, 1, 10_000);
        Range(failures, "Dashboard:Inspector:MaxStreams", inspector.MaxStreams, 1, 100_000);
    }

    // A prefix must reach past the host, or "http://a" would also allow "http://a.evil.example".
    private static bool HasPath(string prefix) =>
        Uri.TryCreate(prefix, UriKind.Absolute, out var uri) && prefix.StartsWith(uri.GetLeftPart(UriPartial.Authority) + "/", StringComparison.OrdinalIgnoreCase);

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min} and {max} (was {value}).");
        }
    }
}
