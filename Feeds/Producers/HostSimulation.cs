namespace Feeds.Producers;

/// <summary>
/// One simulated host. Its load follows the day (quiet at 04:00, busiest mid-afternoon, shifted a
/// little per host), with a slow ripple and smooth noise on top so a chart watched for a minute
/// still moves; every metric is derived from that load, plus the incident if there is one. Not
/// thread-safe: one producer loop drives it.
/// </summary>
internal sealed class HostSimulation
{
    // Noise that wanders over ~10 s and memory that drifts over ~2 min, instead of jittering
    // independently at every sample.
    private const double NoiseSeconds = 10;
    private const double NoiseSize = 0.06;
    private const double MemoryDriftSeconds = 120;
    private const double MemoryDriftSize = 2;

    private readonly Random _random;
    private readonly double _phaseHours;
    private readonly double _ripplePeriodSeconds;
    private readonly double _scale;
    private double _noise;
    private double _memoryDrift;

    public HostSimulation(string host, Random random)
    {
        Host = host;
        Profile = HostProfile.For(host);
        _random = random;

        // From the name: hosts of one role differ a little, and keep their character after a restart.
        _phaseHours = (StableHash.Unit(host, "phase") - 0.5) * 3;
        _ripplePeriodSeconds = 240 + (300 * StableHash.Unit(host, "ripple"));
        _scale = 0.85 + (0.3 * StableHash.Unit(host, "scale"));
    }

    public string Host { get; }

    public HostProfile Profile { get; }

    /// <summary>The incident on this host now, or null while it is healthy.</summary>
    public Incident? Incident { get; set; }

    /// <summary>The host's load before noise, 0 at the night's low to 1 at the day's peak.</summary>
    public double DailyLoad(DateTimeOffset localNow)
    {
        var hours = localNow.TimeOfDay.TotalHours + _phaseHours;
        return 0.5 - (0.5 * Math.Cos(2 * Math.PI * (hours - 4) / 24));
    }

    /// <summary>Moves the host on by <paramref name="seconds"/> and samples it at <paramref name="localNow"/>.</summary>
    public HostMetrics Next(DateTimeOffset localNow, double seconds)
    {
        _noise = Wander(_noise, seconds, NoiseSeconds, NoiseSize);
        _memoryDrift = Wander(_memoryDrift, seconds, MemoryDriftSeconds, MemoryDriftSize);

        var ripple = 0.06 * Math.Sin(2 * Math.PI * localNow.ToUnixTimeMilliseconds() / 1000.0 / _ripplePeriodSeconds);
        var load = Math.Clamp(0.1 + (0.8 * DailyLoad(localNow)) + ripple + _noise, 0.02, 1.1);
        var profile = Profile;

        var cpu = profile.CpuIdle + ((profile.CpuPeak - profile.CpuIdle) * load) + (2 * _random.NextGaussian());
        var memory = profile.MemoryIdle + ((profile.MemoryPeak - profile.MemoryIdle) * load) + _memoryDrift;
        var rps = profile.PeakRequestsPerSecond * _scale * load * (1 + (0.03 * _random.NextGaussian()));

        // Queueing: the median rises gently with load, the tail steeply.
        var p50 = profile.LatencyP50Ms * (1 + (0.8 * load * load)) * (1 + (0.05 * _random.NextGaussian()));
        var p99 = profile.LatencyP99Ms * (1 + (2.5 * load * load * load)) * (1 + (0.1 * _random.NextGaussian()));
        var errors = profile.ErrorRate * (1 + (2 * load * load)) * Math.Max(0, 1 + (0.3 * _random.NextGaussian()));

        if (Incident is { } incident)
        {
            var severity = incident.Severity;
            switch (incident.Kind)
            {
                case IncidentKind.LatencySpike:
                    p50 *= 3 + (3 * severity);
                    p99 = Math.Max(p99 * (6 + (6 * severity)), Incident.LatencyP99CriticalMs + 50 + (900 * severity)) * (1 + (0.05 * Math.Abs(_random.NextGaussian())));
                    cpu += 5;
                    break;
                case IncidentKind.ErrorBurst:
                    errors = Incident.ErrorRateCritical + 1 + (19 * severity) + Math.Abs(_random.NextGaussian());
                    rps *= 1.2; // clients retry
                    p99 *= 1.5;
                    break;
                case IncidentKind.CpuSaturation:
                    cpu = Incident.CpuCritical + 2 + (7 * severity) + Math.Abs(_random.NextGaussian());
                    p50 *= 2;
                    p99 *= 3;
                    break;
                case IncidentKind.MemoryLeak:
                    memory = Incident.MemoryCritical + 1 + (7.5 * incident.Progress(localNow)) + (0.5 * Math.Abs(_random.NextGaussian()));
                    p99 *= 1.5 + incident.Progress(localNow); // garbage-collection pauses
                    break;
                default:
                    throw new InvalidOperationException($"Unknown incident kind {incident.Kind}.");
            }
        }

        p50 = Math.Max(p50, 0.1);

        // p99 above p50 whatever the noise did.
        p99 = Math.Max(p99, p50 * 1.8);
        return new HostMetrics(
            Host,
            Round(Math.Clamp(cpu, 0, 100), 1),
            Round(Math.Clamp(memory, 0, 100), 1),
            Round(Math.Max(rps, 0), 1),
            Round(p50, 2),
            Round(p99, 2),
            Round(Math.Clamp(errors, 0, 100), 2),
            Incident?.Description);
    }

    /// <summary>An Ornstein-Uhlenbeck step: pulled back to 0 over <paramref name="timeConstant"/> seconds, spread <paramref name="size"/>.</summary>
    private double Wander(double value, double seconds, double timeConstant, double size)
    {
        var keep = Math.Exp(-seconds / timeConstant);
        return (value * keep) + (size * Math.Sqrt(1 - (keep * keep)) * _random.NextGaussian());
    }

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
