using System.Text.Json;

namespace Dashboard.Boards;

/// <summary>
/// The fields of an event's data, flattened into the paths a panel names: nested objects as
/// <c>a.b</c>, and an array of objects (a Prometheus result's <c>series</c>) as <c>series[*].value</c>,
/// read from its first element. Bounded in depth and count: a huge event does not make a huge page.
/// </summary>
public static class FieldDetector
{
    public const int MaxFields = 100;
    private const int MaxDepth = 4;
    private const int MaxSample = 40;

    public static IReadOnlyList<DetectedField> Detect(JsonElement data)
    {
        var fields = new List<DetectedField>();
        if (data.ValueKind == JsonValueKind.Object)
        {
            Walk(data, "", 0, fields, top: true);
        }

        return fields;
    }

    private static void Walk(JsonElement value, string path, int depth, List<DetectedField> fields, bool top = false)
    {
        if (fields.Count >= MaxFields)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object when depth < MaxDepth:
                foreach (var property in value.EnumerateObject())
                {
                    // The envelope's own fields are the same on every topic.
                    if (top && property.Name is "topic" or "ts")
                    {
                        continue;
                    }

                    if (FieldPath.TryParse(property.Name, out _) && !property.Name.Contains('.', StringComparison.Ordinal))
                    {
                        Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, depth + 1, fields);
                    }
                }

                break;
            case JsonValueKind.Array when depth < MaxDepth && !path.Contains("[*]", StringComparison.Ordinal):
                if (value.GetArrayLength() > 0)
                {
                    var first = value[0];
                    if (first.ValueKind is JsonValueKind.Object or JsonValueKind.Number)
                    {
                        Walk(first, path + "[*]", depth + 1, fields);
                        break;
                    }
                }

                fields.Add(new DetectedField(path, false, Shorten(value.GetRawText())));
                break;
            case JsonValueKind.Number:
                fields.Add(new DetectedField(path, true, value.GetRawText()));
                break;
            case JsonValueKind.String:
                fields.Add(new DetectedField(path, false, Shorten(value.GetString() ?? "")));
                break;
            default:
                fields.Add(new DetectedField(path, false, Shorten(value.GetRawText())));
                break;
        }
    }

    private static string Shorten(string text) => text.Length <= MaxSample ? text : text[..(MaxSample - 1)] + "…";
}
