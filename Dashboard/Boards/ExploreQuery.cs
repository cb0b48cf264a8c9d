using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Boards;

/// <summary>
/// What /explore shows, as its address holds it (<c>?topic=metrics/self&amp;field=cpu&amp;kind=line&amp;unit=percent</c>),
/// so a link opens the same panel; and the same panel as a block for <c>Dashboard:Boards</c>.
/// </summary>
public sealed record ExploreQuery(string Topic, IReadOnlyList<string> Fields, string Kind, string Unit)
{
    public const int MaxFields = 12;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The address's choice, with what is not valid left out rather than refused: a kind or unit
    /// that is not known falls back to the default, a field that is not a path is dropped.
    /// </summary>
    public static ExploreQuery From(string? topic, IEnumerable<string>? fields, string? kind, string? unit) => new(
        topic ?? "",
        [.. (fields ?? []).Where(f => FieldPath.TryParse(f, out _)).Distinct(StringComparer.Ordinal).Take(MaxFields)],
        kind is not null && PanelKinds.All.Contains(kind, StringComparer.Ordinal) ? kind : PanelKinds.Line,
        unit is not null && ValueFormat.IsKnown(unit) ? unit : "");

    /// <summary>
    /// The panel shown: the chosen fields in the chosen kind, or with no field chosen a table of
    /// the topic's recent events, which is all a topic without numbers can show.
    /// </summary>
    public PanelOptions ToPanel() => Fields.Count == 0
        ? new PanelOptions { Title = $"Recent events on {Topic}", Topic = Topic, Kind = PanelKinds.Table, Width = 12 }
        : new PanelOptions
        {
            Title = $"{Topic}: {string.Join(", ", Fields)}",
            Topic = Topic,
            Fields = [.. Fields],
            Kind = Kind,
            Unit = Unit,
            Max = Kind == PanelKinds.Gauge && Unit != ValueFormat.Percent ? 100 : null,
            Width = 12,
        };

    /// <summary>The panel as <c>appsettings.json</c> takes it, under <c>Dashboard:Boards:explore</c>.</summary>
    public string ToConfiguration()
    {
        var panel = ToPanel();
        var json = new JsonObject
        {
            ["Title"] = panel.Title,
            ["Topic"] = panel.Topic,
            ["Fields"] = new JsonArray([.. panel.Fields.Select(f => (JsonNode)f)]),
            ["Kind"] = panel.Kind,
        };
        if (panel.Unit.Length > 0)
        {
            json["Unit"] = panel.Unit;
        }

        if (panel.Max is { } max)
        {
            json["Max"] = max;
        }

        json["Width"] = 6;
        var board = new JsonObject
        {
            ["Boards"] = new JsonObject
            {
                ["explore"] = new JsonObject { ["Title"] = "Explore", ["Panels"] = new JsonArray(json) },
            },
        };
        return board.ToJsonString(Indented);
    }
}
