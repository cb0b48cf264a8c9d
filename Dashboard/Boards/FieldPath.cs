using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Dashboard.Boards;

/// <summary>
/// A path into an event's data: <c>cpu</c>, <c>gc.heapBytes</c>, <c>items[0].price</c>, or
/// <c>series[*].value</c>, which reaches every element of an array (a Prometheus result's series).
/// At most one <c>[*]</c>; each element it reaches is named by its <c>name</c> property, or its index.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private const string NameProperty = "name";

    private readonly Segment[] _segments;

    private FieldPath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>True when the path has a <c>[*]</c> and so may reach several values.</summary>
    public bool HasEach { get; private init; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out FieldPath? path)
    {
        path = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return false;
        }

        var segments = new List<Segment>();
        foreach (var part in text.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length == 0 && (bracket != 0 || segments.Count == 0))
            {
                return false;
            }

            if (name.Length > 0)
            {
                if (name.Contains(']', StringComparison.Ordinal))
                {
                    return false;
                }

                segments.Add(new Segment(name, null, false));
            }

            var rest = bracket < 0 ? "" : part[bracket..];
            while (rest.Length > 0)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 2)
                {
                    return false;
                }

                var inner = rest[1..close];
                if (inner == "*")
                {
                    segments.Add(new Segment(null, null, true));
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(new Segment(null, index, false));
                }
                else
                {
                    return false;
                }

                rest = rest[(close + 1)..];
            }
        }

        if (segments.Count(s => s.Each) > 1)
        {
            return false;
        }

        path = new FieldPath(text, [.. segments]) { HasEach = segments.Exists(s => s.Each) };
        return true;
    }

    public static FieldPath Parse(string text) =>
        TryParse(text, out var path) ? path : throw new FormatException($"'{text}' is not a field path such as cpu or series[*].value.");

    /// <summary>
    /// Every value the path reaches in <paramref name="data"/>: one, with a null element, unless the
    /// path has <c>[*]</c>, then one per array element that has the rest of the path.
    /// </summary>
    public IEnumerable<(string? Element, JsonElement Value)> Read(JsonElement data)
    {
        var at = Array.FindIndex(_segments, s => s.Each);
        if (at < 0)
        {
            if (Walk(data, 0, _segments.Length) is { } value)
            {
                yield return (null, value);
            }

            yield break;
        }

        if (Walk(data, 0, at) is not { ValueKind: JsonValueKind.Array } array)
        {
            yield break;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (Walk(item, at + 1, _segments.Length) is { } value)
            {
                yield return (ElementName(item, i), value);
            }

            i++;
        }
    }

    /// <summary>The value at the path for one element of its <c>[*]</c> (ignored when it has none).</summary>
    public JsonElement? Find(JsonElement data, string? element)
    {
        // The fixed pages' charts read plain fields on every event: no iterator for those.
        if (!HasEach)
        {
            return Walk(data, 0, _segments.Length);
        }

        foreach (var (name, value) in Read(data))
        {
            if (string.Equals(name, element, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The number at the path for one element, or null when it is absent or not a number.</summary>
    public double? Number(JsonElement data, string? element) =>
        Find(data, element) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    public bool Equals(FieldPath? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    private static string ElementName(JsonElement item, int index) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(NameProperty, out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()!
            : index.ToString(CultureInfo.InvariantCulture);

    private JsonElement? Walk(JsonElement current, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var segment = _segments[i];
            if (segment.Name is { } name)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return null;
                }
            }
            else if (segment.Index is { } index)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
        }

        return current;
    }

    /// <summary>A property name, an index, or <c>[*]</c>.</summary>
    private sealed record Segment(string? Name, int? Index, bool Each);
}
