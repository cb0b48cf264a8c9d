using System.Text.Json;
using Feeds.Hub;

namespace Feeds.Producers;

/// <summary>The active alerts as the <c>alerts</c> events so far leave them. Not thread-safe: one reader feeds it.</summary>
internal sealed class AlertSet
{
    private readonly Dictionary<string, ActiveAlert> _active = new(StringComparer.Ordinal);

    /// <summary>The id of the last <c>alerts</c> event applied.</summary>
    public long LastAlertId { get; private set; }

    /// <summary>Applies one <c>alerts</c> event; true when the set changed.</summary>
    public bool Apply(FeedEvent feedEvent)
    {
        LastAlertId = feedEvent.Id;
        using var document = JsonDocument.Parse(feedEvent.Data);
        if (feedEvent.Type != AlertEvent.EventType || !AlertEvent.TryRead(document.RootElement, out var alert))
        {
            return false;
        }

        if (alert.State == AlertEvent.Resolved)
        {
            return _active.Remove(alert.Id);
        }

        if (_active.TryGetValue(alert.Id, out var current))
        {
            if (current.Alert == alert)
            {
                return false;
            }

            _active[alert.Id] = current with { Alert = alert };
            return true;
        }

        _active[alert.Id] = new ActiveAlert(alert, feedEvent.Timestamp.ToUnixTimeMilliseconds(), alert.Value);
        return true;
    }

    /// <summary>Replaces the set with a published <see cref="AlertState"/>; false when the event is not one.</summary>
    public bool Restore(FeedEvent stateEvent)
    {
        AlertState? state;
        try
        {
            state = JsonSerializer.Deserialize<AlertState>(stateEvent.Data, FeedJson.Options);
        }
        catch (JsonException)
        {
            return false;
        }

        if (state?.Active is null)
        {
            return false;
        }

        _active.Clear();
        foreach (var entry in state.Active.Where(a => a?.Alert?.Id is not null))
        {
            _active[entry.Alert.Id] = entry;
        }

        LastAlertId = state.LastAlertId;
        return true;
    }

    public AlertState ToState() => new(LastAlertId, _active.Values.OrderBy(a => a.Since).ToArray());
}
