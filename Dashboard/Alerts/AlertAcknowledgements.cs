using System.Collections.Concurrent;

namespace Dashboard.Alerts;

/// <summary>
/// Which alerts someone has acknowledged, and when: one list for everyone who watches this
/// dashboard process, so the wall screen and the laptop agree on who is on it.
/// </summary>
public sealed class AlertAcknowledgements(TimeProvider time)
{
    // Alerts come a few an hour; this bounds a server that runs for months.
    private const int Kept = 1000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _acknowledged = new(StringComparer.Ordinal);

    /// <summary>Raised on the acknowledging circuit's thread after any new acknowledgement.</summary>
    public event Action? Changed;

    public DateTimeOffset? AcknowledgedAt(string id) => _acknowledged.TryGetValue(id, out var at) ? at : null;

    public void Acknowledge(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!_acknowledged.TryAdd(id, time.GetUtcNow()))
        {
            return;
        }

        if (_acknowledged.Count > Kept)
        {
            foreach (var old in _acknowledged.OrderBy(pair => pair.Value).Take(_acknowledged.Count - Kept))
            {
                _acknowledged.TryRemove(old.Key, out _);
            }
        }

        Changed?.Invoke();
    }
}
