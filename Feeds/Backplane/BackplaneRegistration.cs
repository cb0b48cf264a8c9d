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
            services.TryAddSingleton<IFeedLeadership>(new SoleLeadership(instance));
            return;
        }

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(FeedsOptions.SectionName, typeof(FeedsOptions),
                ["Feeds:Backplane:Kind is Postgres, so ConnectionStrings:Feeds must name the database, e.g. \"Host=127.0.0.1;Username=feeds;Password=...;Database=feeds\"."]);
        }

        // By factory rather than as an instance, so that the container disposes it when the host goes.
        var connection = new PostgresConnection(connectionString, instance);
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
}
