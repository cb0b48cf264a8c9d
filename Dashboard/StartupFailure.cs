using Feeds.Backplane;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Dashboard;

/// <summary>The start-up failures that are the operator's to fix, each told in one line that names the key.</summary>
internal static class StartupFailure
{
    /// <summary>One line per problem, or null when <paramref name="exception"/> is not one of these (a bug keeps its stack trace).</summary>
    public static IReadOnlyList<string>? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        FeedBackplaneLoginRefusedException refused => [refused.Message],
        IOException { InnerException: AddressInUseException } inUse => [$"Urls: {inUse.Message} Choose another port, or stop what listens there."],
        AggregateException { InnerExceptions: var all } when all.Select(Describe).ToList() is var described && described.TrueForAll(d => d is not null)
            => [.. described.SelectMany(d => d!)],
        _ => null,
    };
}
