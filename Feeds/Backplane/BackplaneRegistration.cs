using Feeds.Backplane.Postgres;
using Feeds.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Feeds.Backplane;

/// <summary>Registers the backplane <c>Feeds:Backplane:Kind</c> names, its leadership, and its health check.</summary>
internal static class BackplaneRegistration
{
    public const string ConnectionStringName = "Feeds";

    public static void AddFeedBackplane(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection($"{FeedsOptions.SectionName}:Backplane");
        var kindText = section[nameof(BackplaneOptions.Kind)];
        var kind = BackplaneKind.InMemory;
        if (!string.IsNullOrEmpty(kindText) && (!Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
        {
            throw new OptionsValidationException(FeedsOptions.SectionName, typeof(FeedsOptions),
                [$"Feeds:Backplane:Kind must be InMemory or Postgres (was '{kindText}')."]);
        }

        var instance = new BackplaneOptions { InstanceName = section[nameof(BackplaneOptions.InstanceName)] ?? "" }.EffectiveInstanceName;
        services.AddHealthChecks().AddCheck<BackplaneHealthCheck>("backplane");
        if (kind == BackplaneKind.InMemory)
        {
            services.TryAddSingleton<IFeedBackplane, InMemoryBackplane>();

            // The producers run once the app has started, not while it may still fail to.
            services.TryAddSingleton<IFeedLeadership>(sp => new SoleLeadership(instance, sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted));
            return;
        }

        // By factory rather than as an instance, so that the container disposes it when the host goes.
        var connection = Connect(builder.Configuration.GetConnectionString(ConnectionStringName), instance);
        services.AddSingleton(_ => connection);
        services.AddSingleton<PostgresBackplane>();
        services.AddSingleton<IFeedBackplane>(sp => sp.GetRequiredService<PostgresBackplane>());
        services.AddSingleton<PostgresLeadership>();
        services.AddSingleton<IFeedLeadership>(sp => sp.GetRequiredService<PostgresLeadership>());
        services.AddSingleton<PostgresRetention>();

        // Hosted services start in this order, before the producers: listening, then leadership.
        services.AddHostedService(sp => sp.GetRequiredService<PostgresBackplane>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresLeadership>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresRetention>());
    }

    /// <summary>The pools for <c>ConnectionStrings:Feeds</c>; a missing or malformed one stops the app naming the key.</summary>
    private static PostgresConnection Connect(string? connectionString, string instance)
    {
        const string Example = "e.g. \"Host=127.0.0.1;Username=feeds;Password=...;Database=feeds\"";
        string problem;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problem = $"Feeds:Backplane:Kind is Postgres, so ConnectionStrings:Feeds must name the database, {Example}.";
        }
        else
        {
            try
            {
                return new PostgresConnection(connectionString, instance);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                // Npgsql's own words ("Couldn't set hots") name no key; the password may be in the string, so it is not echoed.
                problem = $"ConnectionStrings:Feeds is not a PostgreSQL connection string ({ex.Message.ReplaceLineEndings(" ")}), {Example}.";
            }
        }

        throw new OptionsValidationException(FeedsOptions.SectionName, typeof(FeedsOptions), [problem]);
    }
}
