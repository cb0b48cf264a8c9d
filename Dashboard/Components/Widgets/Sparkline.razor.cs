using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Components.Widgets;

/// <summary>
/// A tiny line of one topic's number field over the last minutes, drawn on a canvas by
/// sparkline.js: the window once, then only new points, without re-rendering markup.
/// </summary>
public sealed partial class Sparkline : IAsyncDisposable
{
    internal const string ModulePath = "./js/sparkline.js";

    private readonly List<FeedMessage> _buffer = [];
    private ElementReference _canvas;
    private IJSObjectReference? _module;
    private RelaySnapshot? _backfill;
    private long _lastId;
    private bool _ready;
    private bool _reset;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The relay feed (topic or prefix) that carries <see cref="Topic"/>.</summary>
    [Parameter, EditorRequired]
    public string Feed { get; set; } = "";

    /// <summary>The topic whose events are drawn, e.g. <c>ticker/ACME</c>.</summary>
    [Parameter, EditorRequired]
    public string Topic { get; set; } = "";

    /// <summary>The JSON number field drawn, e.g. <c>last</c>.</summary>
    [Parameter, EditorRequired]
    public string Field { get; set; } = "";

    /// <summary>How many seconds of history the line spans.</summary>
    [Parameter]
    public int Seconds { get; set; } = 120;

    /// <summary>Width in pixels.</summary>
    [Parameter]
    public int Width { get; set; } = 120;

    /// <summary>Height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 28;

    /// <summary>Colours the line green, red or grey by where its right end is against its left end.</summary>
    [Parameter]
    public bool ColourByTrend { get; set; }

    /// <summary>What the line shows, for screen readers.</summary>
    [Parameter]
    public string? Label { get; set; }

    protected override IReadOnlyList<string> Feeds => [Feed];

    protected override void OnBackfill(string feed, RelaySnapshot snapshot) => _backfill = snapshot;

    protected override bool ShouldRender() => !_ready;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        var window = _backfill?.Window(Topic) ?? [];
        _backfill = null;
        var (xs, ys) = Points(Recent(window).Concat(_buffer));
        _buffer.Clear();
        await _module.InvokeVoidAsync("create", _canvas, Seconds, xs, ys);
        _ready = true;
    }

    // Upstream lost history (ids may start again): start the line afresh with what follows.
    protected override void OnFeedReset(string feed)
    {
        _lastId = 0;
        _reset = true;
    }

    protected override async Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        if (!_ready)
        {
            _buffer.AddRange(batch);
            return;
        }

        if (_reset)
        {
            // After a long pause the relay's window comes with the reset; after an upstream reset it does not.
            _reset = false;
            var (xs, ys) = Points(Recent(_backfill?.Window(Topic) ?? []).Concat(batch));
            _backfill = null;
            await _module!.InvokeVoidAsync("create", _canvas, Seconds, xs, ys);
        }
        else if (Points(batch) is { Xs.Length: > 0 } points)
        {
            await _module!.InvokeVoidAsync("append", _canvas, points.Xs, points.Ys);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("destroy", _canvas);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; so is the canvas.
        }
    }

    private IEnumerable<FeedMessage> Recent(IReadOnlyList<FeedMessage> window)
    {
        var newest = window.Count > 0 ? window[^1].Ts : 0;
        return window.Where(m => m.Ts >= newest - (Seconds * 1000L));
    }

    private (double[] Xs, double[] Ys) Points(IEnumerable<FeedMessage> messages)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var message in messages)
        {
            if (message.Id <= _lastId || !string.Equals(message.Topic, Topic, StringComparison.Ordinal)
                || message.Number(Field) is not { } value)
            {
                continue;
            }

            _lastId = message.Id;
            xs.Add(message.Ts / 1000.0);
            ys.Add(Math.Round(value, 4));
        }

        return ([.. xs], [.. ys]);
    }
}
