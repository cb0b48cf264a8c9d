using Microsoft.Extensions.Logging;

namespace Feeds.Producers;

/// <summary>Source-generated log messages of the producers; event ids are stable, 2000-2999.</summary>
internal static partial class ProducersLog
{
    [LoggerMessage(2001, LogLevel.Information, "{Producer} publishes every {IntervalMs} ms")]
    public static partial void Started(ILogger logger, string producer, int intervalMs);

    [LoggerMessage(2002, LogLevel.Information, "{Producer} is off: {Key} is false")]
    public static partial void Disabled(ILogger logger, string producer, string key);

    [LoggerMessage(2003, LogLevel.Error, "{Producer} failed to publish; it carries on at the next interval")]
    public static partial void TickFailed(ILogger logger, string producer, Exception exception);

    [LoggerMessage(2010, LogLevel.Information, "Simulated incident on {Host}: {Incident} for {Seconds} s")]
    public static partial void IncidentStarted(ILogger logger, string host, string incident, int seconds);

    [LoggerMessage(2011, LogLevel.Information, "Simulated incident on {Host} is over: {Incident}")]
    public static partial void IncidentEnded(ILogger logger, string host, string incident);

    [LoggerMessage(2020, LogLevel.Information, "{Path} cannot be read here; metrics/self reports host CPU and load average as 0")]
    public static partial void ProcUnavailable(ILogger logger, string path);
}
