using Dashboard.Circuits;
using Dashboard.Components.Controls;
using Dashboard.Options;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A live time-series chart of number fields of a relay feed's topics, drawn in the browser by
/// uPlot: created once from the relay's window, then each batch's new points go in one interop
/// call; the markup never re-renders for data. Windows longer than
/// <see cref="TimeWindow.RawSeconds"/> are downsampled by <see cref="MinMaxDownsampler"/>, before the circuit: one minimum and
/// one maximum per bucket per series, so an hour costs about as much to send as five minutes and
/// a spike still shows.
/// </summary>
public sealed partial class LiveChart : IAsyncDisposable
{
    public const int DefaultHeight = 200;
    internal const string ModulePath = "./js/liveChart.js";

    private readonly List<FeedMessage> _buffer = [];
    private readonly MinMaxDownsampler _downsampler = new();
    private ElementReference _element;
    private IJSObjectReference? _module;
    private RelaySnapshot? _backfill;
    private Shape? _drawn;
    private bool _ready;
    private bool _reset;
    private int _generation;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private FeedRelay ChartRelay { get; set; } = default!;

    [Inject]
    private CircuitConnection Connection { get; set; } = default!;

    /// <summary>The relay feed (e.g. <c>metrics/*</c>) the series' topics come from; read once, so give the chart a <c>@key</c> to switch feeds.</summary>
    [Parameter, EditorRequired]
    public string Feed { get; set; } = "";

    /// <summary>The lines to draw.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>The heading above the chart.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>The unit of the values.</summary>
    [Parameter]
    public string? Unit { get; set; }

    /// <summary>One of the boards' units (<c>bytes/s</c>, <c>ms</c>...): the axis and hover values are scaled as ops tools show them. Null shows plain numbers with <see cref="Unit"/>.</summary>
    [Parameter]
    public string? ValueUnit { get; set; }

    /// <summary>Digits after the point with <see cref="ValueUnit"/>; null picks by size.</summary>
    [Parameter]
    public int? ValueDecimals { get; set; }

    /// <summary>The plot's height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = DefaultHeight;

    /// <summary>The bottom of the value axis; null fits the data.</summary>
    [Parameter]
    public double? YMin { get; set; }

    /// <summary>The top of the value axis; null fits the data.</summary>
    [Parameter]
    public double? YMax { get; set; }

    /// <summary>The visible time window in seconds; null follows the window the viewer picks for the page.</summary>
    [Parameter]
    public int? WindowSeconds { get; set; }

    /// <summary>Warning and critical levels drawn as dashed lines.</summary>
    [Parameter]
    public Threshold? Threshold { get; set; }

    protected override IReadOnlyList<string> Feeds => [Feed];

    private string AriaLabel => $"{Title} chart: {string.Join(", ", Series.Select(s => s.Label))}";

    private string Topics => string.Join(' ', Series.Select(s => s.Topic).Distinct(StringComparer.Ordinal));

    private int Window => WindowSeconds ?? Controls.Window.Seconds;

    private long BucketMs => (long)(TimeWindow.BucketSeconds(Window) * 1000);

    private Shape Current => new(
        string.Join('\u001f', Series.Select(s => $"{s.Topic}\u001e{s.Field}\u001e{s.Element}\u001e{s.Label}\u001e{s.Color}")),
        Title, Unit + "|" + ValueUnit + "|" + ValueDecimals, Height, YMin, YMax, Window, Threshold?.Warning, Threshold?.Critical);

    protected override void OnBackfill(string feed, RelaySnapshot snapshot) => _backfill = snapshot;

    // Only a changed shape (series, title, scale) re-renders; data goes through JS.
    protected override bool ShouldRender() => _drawn is null || _drawn != Current;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await Connection.TryImportAsync(JS, ModulePath);
            if (_module is null)
            {
                // Cut off before the chart was drawn: drawn from the relay once the link is back.
                _reset = true;
                return;
            }

            await CreateAsync(_backfill ?? ChartRelay.Feed(Feed).Snapshot());
            _backfill = null;
        }
        else if (_drawn != Current && _module is not null)
        {
            // New series (say another ticker symbol): redraw from what the relay keeps now.
            await CreateAsync(ChartRelay.Feed(Feed).Snapshot());
        }
    }

    protected override void OnFeedReset(string feed) => _reset = true;

    // A reset redraws from the relay's windows as they are then; the snapshot is not needed.
    protected override void OnResync(string feed, RelaySnapshot snapshot) => _reset = true;

    // Another window is another shape: the render that follows recreates the chart from the relay.
    protected override Task OnControlsChangedAsync()
    {
        if (WindowSeconds is null && _drawn is not null && _drawn != Current)
        {
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    protected override async Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        if (_reset)
        {
            // Cut off, every call would be lost: the relay's window covers what comes meanwhile.
            if (!Connection.IsUp)
            {
                return;
            }

            _module ??= await Connection.TryImportAsync(JS, ModulePath);
            if (_module is null)
            {
                return;
            }

            _reset = false;
            _downsampler.Clear();
            _buffer.Clear();
            await CreateAsync(ChartRelay.Feed(Feed).Snapshot());
            return;
        }

        // Not drawn yet, or drawn in a shape the parameters have since changed (a new line on a
        // board): the browser's chart still has the old series, and points for the new ones would
        // not fit it. Blazor Server runs OnAfterRenderAsync, where the chart is created again,
        // only once the browser acknowledged the render, so flushes do come in between; they wait
        // here for the create, which takes them in.
        if (!_ready || _drawn != Current)
        {
            _buffer.AddRange(batch);
            return;
        }

        await AppendAsync(batch);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _ready = false;
        if (_module is null)
        {
            return;
        }

        await Connection.TryInvokeVoidAsync(_module, "destroy", _element);
        await Connection.TryDisposeAsync(_module);
    }

    private async Task CreateAsync(RelaySnapshot snapshot)
    {
        var generation = ++_generation;
        _ready = false;
        _drawn = Current;
        _downsampler.Clear();

        var messages = Series.Select(s => s.Topic).Distinct(StringComparer.Ordinal)
            .SelectMany(snapshot.Window)
            .Concat(_buffer)
            .DistinctBy(m => m.Id)
            .ToList();
        _buffer.Clear();
        if (messages.Count > 0)
        {
            var oldest = messages.Max(m => m.Ts) - (Window * 1000L);
            messages.RemoveAll(m => m.Ts < oldest);
        }

        var (xs, ys) = _downsampler.Columns(messages, Series, BucketMs);
        var data = new object[ys.Length + 1];
        data[0] = xs;
        ys.CopyTo(data, 1);
        var config = new
        {
            height = Height,
            windowSeconds = Window,
            bucketSeconds = BucketMs / 1000.0,
            yMin = YMin,
            yMax = YMax,
            unit = Unit,
            format = string.IsNullOrEmpty(ValueUnit) ? null : new { unit = ValueUnit, decimals = ValueDecimals },
            threshold = Threshold is null ? null : new { warning = Threshold.Warning, critical = Threshold.Critical },
            series = Series.Select(s => new
            {
                label = s.Label,
                color = s.Color,
                threshold = s.Threshold is null ? null : new { warning = s.Threshold.Warning, critical = s.Threshold.Critical },
            }).ToArray(),
        };

        if (!await Connection.TryInvokeVoidAsync(_module!, "create", _element, config, data))
        {
            // The window never reached the browser: drawn again from the relay once the link is back.
            _reset = true;
            return;
        }

        if (generation != _generation)
        {
            return;
        }

        _ready = true;

        // Parameters that changed while the create was on the wire: the next render creates again.
        if (_buffer.Count > 0 && _drawn == Current)
        {
            var pending = _buffer.ToList();
            _buffer.Clear();
            await AppendAsync(pending);
        }
    }

    private async Task AppendAsync(IReadOnlyList<FeedMessage> batch)
    {
        var (xs, ys) = _downsampler.Columns(batch, Series, BucketMs);
        // Points lost with the link leave a gap: the redraw from the relay's window fills it.
        if (xs.Length > 0 && !await Connection.TryInvokeVoidAsync(_module!, "append", _element, xs, ys))
        {
            _reset = true;
        }
    }

    /// <summary>What the chart was created with; a different one means creating it again.</summary>
    private sealed record Shape(
        string Series, string? Title, string? Unit, int Height, double? YMin, double? YMax, int WindowSeconds, double? Warning, double? Critical);
}
