using Microsoft.Extensions.Options;

namespace Dashboard.Demos;

/// <summary>Checks the <c>Dashboard:Demos</c> section at start; every failure names the key to fix.</summary>
internal sealed class DemosOptionsValidator : IValidateOptions<DemosOptions>
{
    public ValidateOptionsResult Validate(string? name, DemosOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(DemosOptions.SessionSeconds), options.SessionSeconds, 2, 24 * 3600);
        Check(failures, nameof(DemosOptions.MaxSessions), options.MaxSessions, 1, 100_000);
        Check(failures, nameof(DemosOptions.ChatBotSeconds), options.ChatBotSeconds, 1, 3600);
        Check(failures, nameof(DemosOptions.ChatMaxLength), options.ChatMaxLength, 1, 4000);
        Check(failures, nameof(DemosOptions.PostsPerMinute), options.PostsPerMinute, 1, 6000);
        Check(failures, nameof(DemosOptions.SocketMessagesPerSecond), options.SocketMessagesPerSecond, 1, 1000);
        Check(failures, nameof(DemosOptions.TextTokenMs), options.TextTokenMs, 1, 5000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{DemosOptions.SectionName}:{key} must be between {min} and {max} (was {value}).");
        }
    }
}
