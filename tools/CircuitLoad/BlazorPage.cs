using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CircuitLoad;

/// <summary>
/// What blazor.web.js takes from a prerendered page to start its circuit: the server component
/// markers (their protected descriptors) and the persisted component state.
/// </summary>
internal sealed partial class BlazorPage(IReadOnlyList<JsonObject> markers, string applicationState)
{
    public IReadOnlyList<JsonObject> Markers { get; } = markers;

    public string ApplicationState { get; } = applicationState;

    public static BlazorPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerPattern().Matches(html))
        {
            // End markers carry only a prerenderId; start markers carry the descriptor.
            if (JsonNode.Parse(match.Groups[1].Value) is JsonObject marker && marker["type"]?.GetValue<string>() == "server" && marker.ContainsKey("descriptor"))
            {
                markers.Add(marker);
            }
        }

        var state = StatePattern().Match(html);
        return new BlazorPage(
            markers.OrderBy(m => m["sequence"]?.GetValue<int>() ?? 0).ToArray(),
            state.Success ? state.Groups[1].Value : "");
    }

    /// <summary>The UpdateRootComponents argument: one "add" per marker, as blazor.web.js sends it.</summary>
    public string AddOperations()
    {
        var operations = new JsonArray();
        for (var i = 0; i < Markers.Count; i++)
        {
            var marker = (JsonObject)Markers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex StatePattern();
}
