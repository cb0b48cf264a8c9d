using Dashboard.Boards;
using Dashboard.Circuits;
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
    private FieldPath? _path;
    private bool _refill;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private FeedRelay SparkRelay { get; set; } = default!;

    [Inject]
    private CircuitConnection Connection { get; set; } = default!;

    /// <summary>The relay feed (topic or prefix) that carries <see cref="Topic"/>.</summary>
    [Parameter, EditorRequired]
    public string Feed { get; set; } = "";

    /// <summary>The topic whose events are drawn, e.g. <c>ticker/ACME</c>.</summary>
    [Parameter, EditorRequired]
    public string Topic { get; set; } = "";

    /// <summary>The path to the number drawn, e.g. <c>last</c> or <c>series[*].value</c>.</summary>
    [Parameter, EditorRequired]
    public string Field { get; set; } = "";

    /// <summary>For a path with <c>[*]</c>, the name of the array element drawn.</summary>
    [Parameter]
    public string? Element { get; set; }

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

    private FieldPath Path => _path is { } path && path.Text == Field ? path : _path = FieldPath.Parse(Field);

    protected override void OnBackfill(string feed, RelaySnapshot snapshot) => _backfill = snapshot;

    protected override bool ShouldRender() => !_ready;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _module = await Connection.TryImportAsync(JS, ModulePath);
        var window = _backfill?.Window(Topic) ?? [];
        _backfill = null;
        var (xs, ys) = Points(Recent(window).Concat(_buffer));
        _buffer.Clear();
        _ready = true;
        if (_module is null || !await Connection.TryInvokeVoidAsync(_module, "create", _canvas, Seconds, xs, ys))
        {
            Redraw();
        }
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

            if (_refill)
            {
                _refill = false;
                _lastId = 0;
                _backfill = SparkRelay.Feed(Feed).Snapshot();
            }

            // After a long pause the relay's window comes with the reset; after an upstream reset it does not.
            _reset = false;
            var (xs, ys) = Points(Recent(_backfill?.Window(Topic) ?? []).Concat(batch));
            _backfill = null;
            if (!await Connection.TryInvokeVoidAsync(_module, "create", _canvas, Seconds, xs, ys))
            {
                Redraw();
            }
        }
        else if (Points(batch) is { Xs.Length: > 0 } points && !await Connection.TryInvokeVoidAsync(_module!, "append", _canvas, points.Xs, points.Ys))
        {
            Redraw();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_module is null)
        {
            return;
        }

        await Connection.TryInvokeVoidAsync(_module, "destroy", _canvas);
        await Connection.TryDisposeAsync(_module);
    }

    // A call lost with the link: the line is drawn again from the relay's window once the link is back.
    private void Redraw()
    {
        _reset = true;
        _refill = true;
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
                || Path.Number(message.Data, Element) is not { } value)
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
