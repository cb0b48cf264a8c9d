using Dashboard.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Components.Pages;

/// <summary>The clock demo: server time, browser time, the skew and latency between them, world clocks.</summary>
public sealed partial class Clock : ComponentBase
{
    [Inject]
    private IOptions<DashboardOptions> Options { get; set; } = default!;
}
