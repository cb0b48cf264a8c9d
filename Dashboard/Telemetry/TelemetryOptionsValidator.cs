using Microsoft.Extensions.Options;

namespace Dashboard.Telemetry;

/// <summary>Checks the <c>Telemetry</c> section at start; every failure names the key to fix.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Scrape.Path;
        if (options.Scrape.Enabled && !IsOwnPath(path))
        {
            return ValidateOptionsResult.Fail(
                $"Telemetry:Scrape:Path '{path}' must be a path such as /metrics: starting with '/', of letters, digits, '-', '_', '.' and '/', and not under /feeds or /_framework.");
        }

        return ValidateOptionsResult.Success;
    }

    internal static bool IsOwnPath(string path) =>
        path.Length > 1
        && path[0] == '/'
        && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
        && !path.Contains("//", StringComparison.Ordinal)
        && !IsUnder(path, "/feeds")
        && !IsUnder(path, "/_framework");

    private static bool IsUnder(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
}
