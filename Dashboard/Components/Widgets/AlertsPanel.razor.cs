using Dashboard.Alerts;
using Dashboard.Relay;
using Feeds.Client;
using Feeds.Producers;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Widgets;

/// <summary>
/// The alerts the server holds active (the newest <c>alerts/active</c> state), critical first,
/// each with its value when raised and now, and an Acknowledge button; and the recently resolved
/// ones from the <c>alerts</c> changes. The active set is the server's, never a replay of changes
/// a window may have thinned. Screen readers hear each change once.
/// </summary>
public sealed partial class AlertsPanel
{
    private const int HistoryKept = 20;
    private const int MaxTracked = 1000;

    private readonly List<Entry> _history = [];
    private readonly Dictionary<string, FeedMessage> _metrics = new(StringComparer.Ordinal);

    // The severity each raised alert was last announced at, from the changes alone: the state
    // comes on its own stream, and may arrive before the change it follows.
    private readonly Dictionary<string, (string Severity, DateTimeOffset Since)> _announced = new(StringComparer.Ordinal);
    private IReadOnlyList<ActiveAlert> _active = [];
    private string _assertive = "";
    private string _polite = "";
    private string _shownValues = "";

    [Inject]
    private AlertAcknowledgements Acknowledgements { get; set; } = default!;

    protected override IReadOnlyList<string> Feeds => [DashboardFeeds.ActiveAlerts, DashboardFeeds.Alerts, DashboardFeeds.Metrics];

    private IEnumerable<ActiveAlert> Ordered => _active
        .OrderByDescending(a => a.Alert.Severity == AlertEvent.Critical)
        .ThenByDescending(a => a.Since);

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
        if (feed == DashboardFeeds.Metrics)
        {
            foreach (var topic in snapshot.Topics)
            {
                if (snapshot.Latest(topic) is { } latest)
                {
                    _metrics[topic] = latest;
                }
            }

            return;
        }

        foreach (var message in snapshot.Window(feed))
        {
            Apply(message, announce: false);
        }
    }

    // Metric ticks come every second for every host: render for them only when a shown value moved.
    protected override Task OnMessagesAsync(IReadOnlyList<FeedMessage> batch)
    {
        var changed = false;
        foreach (var message in batch)
        {
            if (message.Topic.StartsWith(HostMetrics.TopicPrefix, StringComparison.Ordinal))
            {
                _metrics[message.Topic] = message;
            }
            else
            {
                changed |= Apply(message, announce: true);
            }
        }

        var values = string.Join("|", _active.Select(a => Now(a.Alert)));
        if (changed || values != _shownValues)
        {
            _shownValues = values;
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    protected override void OnFeedReset(string feed)
    {
        if (feed == DashboardFeeds.Alerts)
        {
            _history.Clear();
            _announced.Clear();
        }
        else if (feed == DashboardFeeds.ActiveAlerts)
        {
            _active = [];
        }
        else
        {
            _metrics.Clear();
        }
    }

    private static string Title(string severity) => severity == AlertEvent.Critical ? "Critical" : "Warning";

    private static string NameOf(AlertEvent alert) => string.IsNullOrEmpty(alert.Name) ? alert.Metric : alert.Name;

    private static string Quantity(double value, string? unit)
    {
        var number = value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.##", System.Globalization.CultureInfo.CurrentCulture);
        return string.IsNullOrEmpty(unit) ? number : unit == "%" ? number + unit : $"{number} {unit}";
    }

    /// <summary>The metric's value in the host's newest sample, as shown; empty when there is none.</summary>
    private string Now(AlertEvent alert) =>
        _metrics.TryGetValue(HostMetrics.TopicPrefix + alert.Host, out var latest) && latest.Number(alert.Metric) is { } now
            ? Quantity(now, alert.Unit)
            : "";

    private void OnAcknowledged() => _ = InvokeAsync(StateHasChanged);

    /// <summary>Applies a state or an alert change; true when what is shown changed.</summary>
    private bool Apply(FeedMessage message, bool announce)
    {
        if (message.Topic == AlertState.Topic)
        {
            return ApplyState(message);
        }

        if (message.Type != AlertEvent.EventType || !AlertEvent.TryRead(message.Data, out var alert))
        {
            return false;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(message.Ts);
        var active = _active.FirstOrDefault(a => a.Alert.Id == alert.Id);
        if (alert.State == AlertEvent.Resolved)
        {
            var since = active is not null ? DateTimeOffset.FromUnixTimeMilliseconds(active.Since)
                : _announced.TryGetValue(alert.Id, out var raised) ? raised.Since
                : at;
            _announced.Remove(alert.Id);
            _history.RemoveAll(e => e.Alert.Id == alert.Id);
            _history.Insert(0, new Entry(alert, since, at));
            if (_history.Count > HistoryKept)
            {
                _history.RemoveAt(_history.Count - 1);
            }

            if (announce)
            {
                _polite = $"Resolved: {alert.Message}";
            }

            return true;
        }

        var known = _announced.TryGetValue(alert.Id, out var previous);
        var escalated = !known || previous.Severity != alert.Severity;
        if (_announced.Count >= MaxTracked)
        {
            // Raised by a poster that never resolves them: forgetting one only repeats its announcement.
            _announced.Clear();
        }

        _announced[alert.Id] = (alert.Severity, known ? previous.Since : at);
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

            return true;
        }

        return false;
    }

    private bool ApplyState(FeedMessage message)
    {
        AlertState? state;
        try
        {
            state = message.As<AlertState>();
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        if (state?.Active is null)
        {
            return false;
        }

        _active = state.Active.Where(a => a?.Alert is { Id.Length: > 0, Message: not null, Host: not null, Metric: not null }).ToArray();
        return true;
    }

    /// <summary>A resolved alert as shown: its last event, when it was raised, and when it ended.</summary>
    private sealed record Entry(AlertEvent Alert, DateTimeOffset Since, DateTimeOffset Until);
}
