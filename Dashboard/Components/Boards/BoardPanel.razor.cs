using System.Globalization;
using Dashboard.Boards;
using Dashboard.Components.Widgets;
using Dashboard.Options;
using Dashboard.Relay;
using Feeds.Client;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Boards;

/// <summary>
/// One panel of a board, or of /explore: the fields of a topic (or prefix) as a live chart, big
/// numbers with sparklines, gauges, bars or a table, in the panel's unit and threshold colours. A
/// line panel renders only when a line appears; the chart takes its points through JS. The others
/// render on the page's throttled ticks, and only when one of their values changed.
/// </summary>
public sealed partial class BoardPanel
{
    private PanelState _state = default!;
    private IReadOnlyList<ChartSeries> _lines = [];
    private int _linesShape = -1;
    private bool _changed = true;
    private string? _notes;

    /// <summary>What the panel reads and how it shows it; read once, so give the panel a <c>@key</c> to change it.</summary>
    [Parameter, EditorRequired]
    public PanelOptions Panel { get; set; } = default!;

    protected override IReadOnlyList<string> Feeds => [Panel.Topic];

    private string Title => Panel.Title.Length > 0 ? Panel.Title : $"{Panel.Topic} {string.Join(", ", Panel.Fields)}";

    private double GaugeMin => Panel.Min ?? 0;

    private double GaugeMax => Panel.Max ?? 100;

    private double BarMin => Panel.Min ?? 0;

    private double BarMax => Panel.Max ?? Math.Max(BarMin + 1e-9, _state.Values.Select(v => v.Number ?? BarMin).DefaultIfEmpty(BarMin + 1).Max());

    protected override void OnInitialized()
    {
        _state = new PanelState(Panel);
        base.OnInitialized();
    }

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        // Every topic's newest event gives the current values; a table of events wants the last few of all.
        var events = Panel.Fields.Count == 0
            ? snapshot.Topics.SelectMany(t => snapshot.Window(t).TakeLast(PanelState.MaxRecent)).OrderBy(m => m.Id).TakeLast(PanelState.MaxRecent)
            : snapshot.Topics.Select(snapshot.Latest).OfType<FeedMessage>();
        Take(events);
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch) => Take(batch);

    protected override void OnFeedReset(string feed)
    {
        _state.Clear();
        Take([]);
        _changed = true;
    }

    protected override bool ShouldRender()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }

    private void Take(IEnumerable<FeedMessage> messages)
    {
        var changed = false;
        foreach (var message in messages)
        {
            changed |= _state.Apply(message);
        }

        if (Panel.Kind != PanelKinds.Line)
        {
            _changed |= changed;
            return;
        }

        // A line panel's markup holds no values: only a new line or a new note is worth a render.
        if (_state.Shape != _linesShape)
        {
            _linesShape = _state.Shape;
            _lines = [.. _state.Values.Where(v => v.EverNumeric).Select(v => new ChartSeries(v.Topic, v.Field, v.Label, null, v.Element))];
            _changed = true;
        }

        var notes = Notes();
        if (notes != _notes)
        {
            _notes = notes;
            _changed = true;
        }
    }

    private string Notes() =>
        $"{_state.HasEvents}|{_state.Truncated}|{string.Join(',', _state.MissingFields)}|{string.Join(',', _state.Values.Where(v => !v.EverNumeric).Select(v => v.Text))}";

    private string Shown(PanelValue value) =>
        value.Number is { } number ? ValueFormat.Format(number, Panel.Unit, Panel.Decimals) : value.Text ?? "–";

    private ThresholdLevel Level(PanelValue value) => Panel.Thresholds?.LevelOf(value.Number) ?? ThresholdLevel.Unknown;

    private string LevelName(PanelValue value) => HealthTile.LevelName(Level(value));

    private string LevelText(PanelValue value) => Panel.Thresholds is null ? "" : HealthTile.LevelText(Level(value));

    private static double Fraction(PanelValue value, double min, double max) =>
        value.Number is { } number && max > min ? Math.Clamp((number - min) / (max - min), 0, 1) : 0;

    private static string Invariant(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);
}
