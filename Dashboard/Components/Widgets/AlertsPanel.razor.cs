using System.Globalization;
using Dashboard.Alerts;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The alerts the server raised (the <c>alerts</c> feed): the active ones, critical first, each
/// with an Acknowledge button, and the recently resolved ones. Renders only when an alert
/// changes; screen readers hear each change once.
/// </summary>
public sealed partial class AlertsPanel
{
    private const int HistoryKept = 20;

    private readonly Dictionary<string, Entry> _active = new(StringComparer.Ordinal);
    private readonly List<Entry> _history = [];
    private string _assertive = "";
    private string _polite = "";

    [Inject]
    private AlertAcknowledgements Acknowledgements { get; set; } = default!;

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.Alerts];

    private IEnumerable<Entry> Ordered => _active.Values
        .OrderByDescending(e => e.Alert.Severity == AlertEvent.Critical)
        .ThenByDescending(e => e.Since);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Acknowledgements.Changed += OnAcknowledged;
    }

    public override ValueTask DisposeAsync()
    {
        Acknowledgements.Changed -= OnAcknowledged;
        return base.DisposeAsync();
    }

    protected override void OnBackfill(string feed, RelaySnapshot snapshot)
    {
        foreach (var message in snapshot.Window(DashboardFeeds.Alerts))
        {
            Apply(message, announce: false);
        }
    }

    protected override void OnMessages(IReadOnlyList<FeedMessage> batch)
    {
        foreach (var message in batch)
        {
            Apply(message, announce: true);
        }
    }

    protected override void OnFeedReset(string feed)
    {
        _active.Clear();
        _history.Clear();
    }

    private static string Title(string severity) => severity == AlertEvent.Critical ? "Critical" : "Warning";

    private static string Clock(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private void OnAcknowledged() => _ = InvokeAsync(StateHasChanged);

    private void Apply(FeedMessage message, bool announce)
    {
        if (!string.Equals(message.Type, AlertEvent.EventType, StringComparison.Ordinal))
        {
            return;
        }

        // Anyone with a key may post on alerts, and the demos post test alerts there: take only what
        // has the documented shape, or one odd post would break the panel on every page.
        if (!TryRead(message, out var alert))
        {
            return;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(message.Ts);
        if (string.Equals(alert.State, AlertEvent.Resolved, StringComparison.Ordinal))
        {
            var since = _active.Remove(alert.Id, out var ended) ? ended.Since : at;
            _history.Insert(0, new Entry(alert, since, at));
            if (_history.Count > HistoryKept)
            {
                _history.RemoveAt(_history.Count - 1);
            }

            if (announce)
            {
                _polite = $"Resolved: {alert.Message}";
            }

            return;
        }

        var escalated = !_active.TryGetValue(alert.Id, out var previous) || previous.Alert.Severity != alert.Severity;
        _active[alert.Id] = new Entry(alert, previous?.Since ?? at, null);
        if (announce && escalated)
        {
            if (alert.Severity == AlertEvent.Critical)
            {
                _assertive = $"Critical alert: {alert.Message}";
            }
            else
            {
                _polite = $"Warning: {alert.Message}";
            }
        }
    }

    private static bool TryRead(FeedMessage message, out AlertEvent alert)
    {
        alert = default!;
        try
        {
            alert = message.As<AlertEvent>();
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        return !string.IsNullOrEmpty(alert.Id)
            && alert.Severity is AlertEvent.Warning or AlertEvent.Critical
            && alert.State is AlertEvent.Raised or AlertEvent.Resolved
            && alert.Message is not null;
    }

    /// <summary>An alert as shown: its latest event, when it was raised, and when it ended.</summary>
    private sealed record Entry(AlertEvent Alert, DateTimeOffset Since, DateTimeOffset? Until);
}
