using Microsoft.Extensions.Logging;

namespace Feeds.Producers;

/// <summary>
/// The simulated fleet: every host's metrics, and incidents that start at random (a Poisson
/// process at the configured rate across the fleet), hit one healthy host for 30 to 120 s and end
/// on their own. Not thread-safe: one producer loop drives it.
/// </summary>
internal sealed class FleetSimulation
{
    private static readonly IncidentKind[] Kinds = Enum.GetValues<IncidentKind>();

    private readonly HostSimulation[] _hosts;
    private readonly double _incidentsPerSecond;
    private readonly Random _random;
    private readonly ILogger _logger;

    public FleetSimulation(IReadOnlyList<string> hosts, double incidentsPerHour, Random random, ILogger logger)
    {
        _hosts = hosts.Select(host => new HostSimulation(host, random)).ToArray();
        _incidentsPerSecond = incidentsPerHour / 3600;
        _random = random;
        _logger = logger;
    }

    public IReadOnlyList<HostSimulation> Hosts => _hosts;

    /// <summary>Moves every host on by <paramref name="seconds"/> and samples the fleet at <paramref name="localNow"/>.</summary>
    public HostMetrics[] Next(DateTimeOffset localNow, double seconds)
    {
        // Start before ending, so a host that recovers at this sample shows one healthy sample
        // before it can be hit again.
        MaybeStartIncident(localNow, seconds);
        foreach (var host in _hosts)
        {
            if (host.Incident is { } incident && localNow >= incident.End)
            {
                host.Incident = null;
                ProducersLog.IncidentEnded(_logger, host.Host, incident.Description);
            }
        }

        return _hosts.Select(host => host.Next(localNow, seconds)).ToArray();
    }

    private void MaybeStartIncident(DateTimeOffset localNow, double seconds)
    {
        if (_incidentsPerSecond <= 0 || _random.NextDouble() >= 1 - Math.Exp(-_incidentsPerSecond * seconds))
        {
            return;
        }

        var healthy = _hosts.Where(host => host.Incident is null).ToArray();
        if (healthy.Length == 0)
        {
            return;
        }

        var target = healthy[_random.Next(healthy.Length)];
        var duration = TimeSpan.FromSeconds(Math.Round(_random.NextDouble(30, 120)));
        target.Incident = new Incident(Kinds[_random.Next(Kinds.Length)], localNow, localNow + duration, _random.NextDouble());
        ProducersLog.IncidentStarted(_logger, target.Host, target.Incident.Description, (int)duration.TotalSeconds);
    }
}
