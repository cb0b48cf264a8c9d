using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Feeds.Backplane;

/// <summary>
/// <c>/healthz</c>: unhealthy while the backplane cannot serve (its database is away), so a load
/// balancer sends new clients elsewhere; streams already open go on with what this instance has.
/// </summary>
internal sealed class BackplaneHealthCheck(IFeedBackplane backplane, IFeedLeadership leadership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["instance"] = leadership.Instance,
            ["leader"] = leadership.Leader ?? "",
        };
        return Task.FromResult(backplane.Problem is { } problem
            ? HealthCheckResult.Unhealthy(problem, data: data)
            : HealthCheckResult.Healthy($"{leadership.Instance} is serving", data));
    }
}
