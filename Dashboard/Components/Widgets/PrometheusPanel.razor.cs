using System.Globalization;
using Dashboard.Boards;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Sources.Prometheus;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// One Prometheus query's topic: its state (live, or the error Prometheus gave and when it is
/// tried again), its current values and a live chart with a line per series. The query and unit
/// come from the events themselves, so the panel needs only the topic, wherever the feeds run.
/// </summary>
public sealed partial class PrometheusPanel
{
    /// <summary>Lines drawn at most; a query that matches more says so instead of drawing a thicket.</summary>
    public const int MaxLines = 12;

    private readonly SortedSet<string> _names = new(StringComparer.Ordinal);
    private IReadOnlyList<ChartSeries> _series = [];
    private FeedMessage? _result;
    private FeedMessage? _error;

    // Each event's data is read once, when it arrives, not at every use while rendering.
    private PrometheusResult? _resultData;
    private PrometheusSourceError? _errorData;

    /// <summary>The query's topic, e.g. <c>prom/node-cpu</c>.</summary>
    [Parameter, EditorRequired]
    public string Topic { get; set; } = "";

    /// <summary>How often the query is polled, from the topic catalog; shown while nothing has come yet.</summary>
    [Parameter]
    public int IntervalMs { get; set; }

    protected override IReadOnlyList<string> Feeds => [Topic];

    private PrometheusResult? Result => _resultData;

    private PrometheusSourceError? Error => _errorData;

    // An error newer than the last result is the query's state now; an older one is over.
    private bool Failing => _error is not null && (_result is null || _error.Id > _result.Id);

    private string State => ConnectionState != FeedConnectionState.Live
        ? ConnectionState.ToString().ToLowerInvariant()
        : Failing ? "error" : _result is null ? "waiting" : "live";

    private string HeadingId => "prom-" + Topic.Replace('/', '-');

    protected override void OnBackfill(string feed, RelaySnapshot snapshot) => Apply(snapshot.Window(Topic));

    protected override void OnFeedReset(string feed)
    {
        _result = null;
        _error = null;
        _resultData = null;
        _errorData = null;
        _names.Clear();
        _series = [];
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch) => Apply(batch);

    private void Apply(IEnumerable<FeedMessage> messages)
    {
        var added = false;
        foreach (var message in messages)
        {
            if (message.Type == PrometheusSourceError.EventType)
            {
                _error = message;
                _errorData = message.As<PrometheusSourceError>();
            }
            else if (message.Type == PrometheusResult.EventType)
            {
                _result = message;
                _resultData = message.As<PrometheusResult>();
                foreach (var series in _resultData.Series)
                {
                    added |= _names.Add(series.Name);
                }
            }
        }

        // A new series (another instance scraped) is a new line; the chart redraws from the relay.
        if (added || _series.Count == 0)
        {
            _series = _names.Take(MaxLines).Select(name => new ChartSeries(Topic, "series[*].value", name, Element: name)).ToArray();
        }
    }

    private static string Time(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string ValueText(PrometheusSeries series, string unit) =>
        series.Value is { } value ? Formatted(value, unit) : series.Special ?? "–";

    /// <summary>A query's unit as the boards' formatting knows it (<c>%</c> is <c>percent</c>); null for free text such as <c>req</c>.</summary>
    private static string? KnownUnit(string? unit) =>
        unit == "%" ? ValueFormat.Percent : !string.IsNullOrEmpty(unit) && ValueFormat.IsKnown(unit) ? unit : null;

    private static string Formatted(double value, string unit) =>
        KnownUnit(unit) is { } known ? ValueFormat.Format(value, known) : ValueFormat.Format(value, "") + (unit.Length > 0 ? " " + unit : "");
}
