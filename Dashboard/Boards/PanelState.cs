using System.Text.Json;
using Feeds.Client;
using Feeds.Hub;

namespace Dashboard.Boards;

/// <summary>
/// What a panel knows of its topics: the latest value of each field (one per element of a
/// <c>[*]</c>, one per topic of a prefix), the fields no event has carried, and the recent
/// events for a table of whole events. Bounded: at most <see cref="MaxValues"/> values and
/// <see cref="MaxRecent"/> events, whatever the topics do.
/// </summary>
public sealed class PanelState
{
    public const int MaxValues = 64;
    public const int MaxRecent = 12;
    private const int MaxText = 80;

    private readonly FieldPath[] _paths;
    private readonly bool _prefix;
    private readonly Dictionary<(string Topic, string Field, string? Element), PanelValue> _values = [];
    private readonly List<PanelValue> _ordered = [];
    private readonly Queue<FeedMessage> _recent = new();

    public PanelState(PanelOptions panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        Panel = panel;
        _paths = [.. panel.Fields.Select(FieldPath.Parse)];
        _prefix = TopicPattern.TryParse(panel.Topic, out var pattern) && pattern.IsPrefix;
    }

    public PanelOptions Panel { get; }

    /// <summary>The values, in the order they first appeared.</summary>
    public IReadOnlyList<PanelValue> Values => _ordered;

    /// <summary>The newest events, newest first, for a table of whole events.</summary>
    public IReadOnlyList<FeedMessage> Recent => [.. _recent.Reverse()];

    /// <summary>True once any event arrived.</summary>
    public bool HasEvents { get; private set; }

    /// <summary>True when more values appeared than the panel keeps.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Bumped when a value appears or first turns numeric: what a chart's lines are made from changed.</summary>
    public int Shape { get; private set; }

    /// <summary>Fields no event has carried yet, while events arrive: most likely a typo.</summary>
    public IEnumerable<string> MissingFields =>
        HasEvents ? _paths.Where(p => !_ordered.Exists(v => v.Field == p.Text)).Select(p => p.Text) : [];

    /// <summary>Takes in one event; true when anything shown changed.</summary>
    public bool Apply(FeedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        HasEvents = true;
        if (_paths.Length == 0)
        {
            _recent.Enqueue(message);
            while (_recent.Count > MaxRecent)
            {
                _recent.Dequeue();
            }

            return true;
        }

        var changed = false;
        foreach (var path in _paths)
        {
            foreach (var (element, value) in path.Read(message.Data))
            {
                changed |= Set(message, path, element, value);
            }
        }

        return changed;
    }

    /// <summary>Forgets everything: the feed's upstream lost history, and what follows refills it.</summary>
    public void Clear()
    {
        _values.Clear();
        _ordered.Clear();
        _recent.Clear();
        HasEvents = false;
        Shape++;
    }

    /// <summary>A value's text for the table of events: the data without its topic and ts.</summary>
    public static string Summary(FeedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Data.ValueKind != JsonValueKind.Object)
        {
            return Shorten(message.Data.GetRawText());
        }

        var parts = message.Data.EnumerateObject()
            .Where(p => p.Name is not ("topic" or "ts"))
            .Select(p => $"{p.Name}: {Text(p.Value)}");
        return Shorten(string.Join(", ", parts));
    }

    private bool Set(FeedMessage message, FieldPath path, string? element, JsonElement value)
    {
        var key = (message.Topic, path.Text, element);
        if (!_values.TryGetValue(key, out var shown))
        {
            if (_values.Count >= MaxValues)
            {
                Truncated = true;
                return false;
            }

            shown = new PanelValue(message.Topic, path.Text, element, Label(message.Topic, path, element));
            _values.Add(key, shown);
            _ordered.Add(shown);
            Shape++;
        }

        shown.Ts = message.Ts;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (!shown.EverNumeric)
            {
                shown.EverNumeric = true;
                Shape++;
            }

            shown.Number = value.GetDouble();
            shown.Text = null;
        }
        else
        {
            shown.Number = null;
            shown.Text = Text(value);
        }

        return true;
    }

    // Only what tells the values apart: the topic under a prefix, the field among several, the element.
    private string Label(string topic, FieldPath path, string? element)
    {
        var parts = new List<string>(3);
        if (_prefix)
        {
            parts.Add(TopicPattern.TryParse(Panel.Topic, out var pattern) && pattern.Prefix is { } prefix && topic.StartsWith(prefix, StringComparison.Ordinal)
                ? topic[prefix.Length..]
                : topic);
        }

        if (_paths.Length > 1 || (parts.Count == 0 && element is null))
        {
            parts.Add(path.Text);
        }

        if (element is not null)
        {
            parts.Add(element);
        }

        return string.Join(" · ", parts);
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Shorten(value.GetString() ?? ""),
        JsonValueKind.Null => "null",
        _ => Shorten(value.GetRawText()),
    };

    private static string Shorten(string text) => text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…";
}
