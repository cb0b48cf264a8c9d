using System.Globalization;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The server clock from the <c>clock</c> feed beside the browser's own clock, with the skew
/// between them and the stream's latency measured in the browser (see <c>wwwroot/js/clock.js</c>).
/// </summary>
/// <remarks>
/// Skew is measured like NTP: the browser asks the server for its time over the circuit and
/// assumes the answer was taken half way through the round trip; the sample with the shortest
/// round trip of the last few wins. Latency is the browser's arrival time of each tick (when the
/// DOM changed), moved onto the server's clock by the skew, minus the tick's publish time: it
/// includes the relay, the render throttle (<c>Dashboard:RenderIntervalMs</c>) and the circuit.
/// </remarks>
public sealed partial class ClockComparison : LiveComponent
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private ElementReference _root;
    private ClockReading? _reading;
    private IJSObjectReference? _module;
    private IJSObjectReference? _measurer;
    private DotNetObjectReference<ClockComparison>? _self;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override IReadOnlyList<string> Feeds { get; } = [DashboardFeeds.Clock];

    /// <summary>The server's time now, Unix milliseconds: the far end of the browser's skew probe.</summary>
    [JSInvokable]
    public double ServerNow() => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    protected override void OnBackfill(string feed, RelaySnapshot snapshot) =>
        _reading = ClockReading.Latest(snapshot.Window(DashboardFeeds.Clock));

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch) =>
        _reading = ClockReading.Latest(batch) ?? _reading;

    protected override void OnFeedReset(string feed) => _reading = null;

    protected override async Task OnControlsChangedAsync()
    {
        try
        {
            if (_measurer is not null)
            {
                await _measurer.InvokeVoidAsync("setPaused", Controls.Paused);
            }
        }
        catch (JSDisconnectedException)
        {
            // The page is gone; nothing to hold still.
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/clock.js");
        _measurer = await _module.InvokeAsync<IJSObjectReference>("start", _root, _self);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            if (_measurer is not null)
            {
                await _measurer.InvokeVoidAsync("dispose");
                await _measurer.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it: nothing left to stop.
        }

        _self?.Dispose();
    }
}
